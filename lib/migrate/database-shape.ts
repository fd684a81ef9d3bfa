import type pg from "pg";
import type { SchemaShape } from "@/lib/migrate/schema-shape";

// What the database really has, read from PostgreSQL's catalogs (schema `public`),
// in the same shape as the one derived from the Prisma schema.

const ON_DELETE: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };
const unquote = (s: string) => s.replace(/"/g, "");

export async function databaseShape(client: pg.Client | pg.PoolClient): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: {}, indexes: [], enums: {}, foreignKeys: [] };

  const columns = await client.query<{ table_name: string; column_name: string; type: string; not_null: boolean }>(`
    SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
       AND c.relname <> '_prisma_migrations'
     ORDER BY c.relname, a.attnum`);
  for (const r of columns.rows) {
    shape.tables[r.table_name] ??= {};
    shape.tables[r.table_name]![r.column_name] = { type: unquote(r.type), nullable: !r.not_null };
  }

  const indexes = await client.query<{ table_name: string; index_name: string; is_unique: boolean; is_primary: boolean; method: string; columns: string[] }>(`
    SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary, am.amname AS method,
           ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true) || CASE WHEN ix.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                   FROM generate_series(1, ix.indnkeyatts) AS k ORDER BY k) AS columns
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
     WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`);
  for (const r of indexes.rows)
    shape.indexes.push({ table: r.table_name, name: r.index_name, columns: r.columns.map(unquote), unique: r.is_unique, primary: r.is_primary, method: r.method });

  const enums = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname AS name, ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' AND t.typtype = 'e'`);
  for (const r of enums.rows) shape.enums[r.name] = r.values;

  const fks = await client.query<{ table_name: string; name: string; columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string }>(`
    SELECT t.relname AS table_name, con.conname AS name, rt.relname AS ref_table, con.confdeltype AS on_delete,
           ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
           ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o) AS ref_columns
      FROM pg_constraint con
      JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class rt ON rt.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND con.contype = 'f'`);
  for (const r of fks.rows)
    shape.foreignKeys.push({ table: r.table_name, name: r.name, columns: r.columns, refTable: r.ref_table, refColumns: r.ref_columns, onDelete: ON_DELETE[r.on_delete] ?? r.on_delete });

  return shape;
}
