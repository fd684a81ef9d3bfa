import type { Datamodel, DmmfField, DmmfModel } from "@/lib/migrate/prisma-datamodel";

// One shape for "what the database should look like" (from the Prisma schema) and
// "what it looks like" (from the catalogs), so the drift check is a plain diff.

export interface ColumnShape {
  /** As PostgreSQL's format_type prints it, e.g. `timestamp(3) with time zone`, `text[]`, `Role`. */
  type: string;
  nullable: boolean;
}
export interface IndexShape {
  table: string;
  name: string;
  /** Column names, with ` DESC` for descending keys. */
  columns: string[];
  unique: boolean;
  primary: boolean;
  method: string;
}
export interface ForeignKeyShape {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
}
export interface SchemaShape {
  tables: Record<string, Record<string, ColumnShape>>;
  indexes: IndexShape[];
  enums: Record<string, string[]>;
  foreignKeys: ForeignKeyShape[];
}

const PG_MAX_IDENTIFIER = 63;

/** Prisma's default constraint name: `<table>_<columns>_<suffix>`, the stem cut to fit 63 characters. */
export function defaultConstraintName(table: string, columns: string[], suffix: "pkey" | "key" | "idx" | "fkey"): string {
  const stem = columns.length ? `${table}_${columns.join("_")}` : table;
  return `${stem.slice(0, PG_MAX_IDENTIFIER - suffix.length - 1)}_${suffix}`;
}

function nativeType(f: DmmfField): string | null {
  if (!f.nativeType) return null;
  const [name, args] = f.nativeType;
  const a = args.length ? `(${args.join(",")})` : "";
  const map: Record<string, string> = {
    Uuid: "uuid", Text: "text", VarChar: `character varying${a}`, Char: `character${a}`, Citext: "citext", Inet: "inet", Xml: "xml",
    Timestamptz: `timestamp${a} with time zone`, Timestamp: `timestamp${a} without time zone`, Date: "date",
    Time: `time${a} without time zone`, Timetz: `time${a} with time zone`, SmallInt: "smallint", Integer: "integer", Oid: "oid",
    BigInt: "bigint", Real: "real", DoublePrecision: "double precision", Decimal: `numeric${a}`, Money: "money",
    Json: "json", JsonB: "jsonb", ByteA: "bytea", Boolean: "boolean", Bit: `bit${a}`, VarBit: `bit varying${a}`,
  };
  return map[name] ?? name.toLowerCase();
}

const SCALAR_DEFAULTS: Record<string, string> = {
  String: "text", Int: "integer", BigInt: "bigint", Float: "double precision", Decimal: "numeric(65,30)",
  Boolean: "boolean", DateTime: "timestamp(3) without time zone", Json: "jsonb", Bytes: "bytea",
};

export function expectedShape(dm: Datamodel): SchemaShape {
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const enumDbName = new Map(dm.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const byName = new Map(dm.models.map((m) => [m.name, m]));
  const col = (m: DmmfModel, field: string) => {
    const f = m.fields.find((x) => x.name === field);
    return f?.dbName ?? field;
  };
  const shape: SchemaShape = { tables: {}, indexes: [], enums: {}, foreignKeys: [] };
  for (const e of dm.enums) shape.enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);
  for (const m of dm.models) {
    const columns: Record<string, ColumnShape> = {};
    for (const f of m.fields) {
      if (f.kind === "object") continue;
      const base = f.kind === "enum" ? enumDbName.get(f.type)! : f.kind === "unsupported" ? f.type : (nativeType(f) ?? SCALAR_DEFAULTS[f.type] ?? f.type);
      // Prisma creates scalar lists as nullable arrays (`TEXT[]`), whatever the field says.
      columns[f.dbName ?? f.name] = { type: f.isList ? `${base}[]` : base, nullable: f.isList || !f.isRequired };
    }
    shape.tables[tableOf(m)] = columns;
    for (const f of m.fields) {
      if (f.kind !== "object" || !f.relationFromFields?.length) continue;
      const target = byName.get(f.type)!;
      const columnsFrom = f.relationFromFields.map((x) => col(m, x));
      shape.foreignKeys.push({
        table: tableOf(m),
        name: defaultConstraintName(tableOf(m), columnsFrom, "fkey"),
        columns: columnsFrom,
        refTable: tableOf(target),
        refColumns: (f.relationToFields ?? []).map((x) => col(target, x)),
        onDelete: f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull"),
      });
    }
  }
  for (const idx of dm.indexes) {
    const m = byName.get(idx.model)!;
    const table = tableOf(m);
    const names = idx.fields.map((f) => col(m, f.name));
    const suffix = idx.type === "id" ? "pkey" : idx.type === "unique" ? "key" : "idx";
    const pkName = idx.type === "id" ? m.primaryKey?.name : null;
    shape.indexes.push({
      table,
      name: idx.dbName ?? pkName ?? (idx.type === "id" ? defaultConstraintName(table, [], "pkey") : defaultConstraintName(table, names, suffix)),
      columns: idx.fields.map((f, i) => `${names[i]}${f.sortOrder === "desc" ? " DESC" : ""}`),
      unique: idx.type !== "normal",
      primary: idx.type === "id",
      method: (idx.algorithm ?? "btree").toLowerCase(),
    });
  }
  return shape;
}
