import type { ForeignKeyShape, IndexShape, SchemaShape } from "@/lib/migrate/schema-shape";

// Every way the database differs from the Prisma schema, one sentence each, so a
// failing drift test says exactly what to fix (in the migration or the schema).

const describeIndex = (i: IndexShape) =>
  `${i.primary ? "primary key" : i.unique ? "unique index" : "index"} ${i.name} on ${i.table} (${i.columns.join(", ")})${i.method === "btree" ? "" : ` using ${i.method}`}`;
const indexKey = (i: IndexShape) => JSON.stringify([i.table, i.name, i.columns, i.unique, i.primary, i.method]);
const describeFk = (f: ForeignKeyShape) => `foreign key ${f.name} on ${f.table} (${f.columns.join(", ")}) -> ${f.refTable} (${f.refColumns.join(", ")}) on delete ${f.onDelete}`;
const fkKey = (f: ForeignKeyShape) => JSON.stringify([f.table, f.name, f.columns, f.refTable, f.refColumns, f.onDelete]);

export function diffSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];
  for (const [table, cols] of Object.entries(expected.tables)) {
    const have = actual.tables[table];
    if (!have) {
      out.push(`table ${table} is in the Prisma schema but not in the database`);
      continue;
    }
    for (const [name, want] of Object.entries(cols)) {
      const got = have[name];
      if (!got) out.push(`column ${table}.${name} is in the Prisma schema but not in the database`);
      else {
        if (got.type !== want.type) out.push(`column ${table}.${name} has type ${got.type} in the database but ${want.type} in the Prisma schema`);
        if (got.nullable !== want.nullable)
          out.push(`column ${table}.${name} is ${got.nullable ? "nullable" : "NOT NULL"} in the database but ${want.nullable ? "optional (nullable)" : "required (NOT NULL)"} in the Prisma schema`);
      }
    }
    for (const name of Object.keys(have)) if (!cols[name]) out.push(`column ${table}.${name} is in the database but not in the Prisma schema`);
  }
  for (const table of Object.keys(actual.tables)) if (!expected.tables[table]) out.push(`table ${table} is in the database but not in the Prisma schema`);

  const gotIdx = new Set(actual.indexes.map(indexKey));
  const wantIdx = new Set(expected.indexes.map(indexKey));
  for (const i of expected.indexes) if (!gotIdx.has(indexKey(i))) out.push(`missing in the database: ${describeIndex(i)}`);
  for (const i of actual.indexes) if (!wantIdx.has(indexKey(i))) out.push(`not in the Prisma schema: ${describeIndex(i)}`);

  for (const [name, values] of Object.entries(expected.enums)) {
    const got = actual.enums[name];
    if (!got) out.push(`enum ${name} is in the Prisma schema but not in the database`);
    else {
      for (const v of values) if (!got.includes(v)) out.push(`enum ${name} lacks the value '${v}' in the database`);
      for (const v of got) if (!values.includes(v)) out.push(`enum ${name} has the value '${v}' in the database but not in the Prisma schema`);
    }
  }
  for (const name of Object.keys(actual.enums)) if (!expected.enums[name]) out.push(`enum ${name} is in the database but not in the Prisma schema`);

  const gotFk = new Set(actual.foreignKeys.map(fkKey));
  const wantFk = new Set(expected.foreignKeys.map(fkKey));
  for (const f of expected.foreignKeys) if (!gotFk.has(fkKey(f))) out.push(`missing in the database: ${describeFk(f)}`);
  for (const f of actual.foreignKeys) if (!wantFk.has(fkKey(f))) out.push(`not in the Prisma schema: ${describeFk(f)}`);
  return out.sort();
}
