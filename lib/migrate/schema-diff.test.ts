import { describe, expect, it } from "vitest";
import type { Datamodel } from "@/lib/migrate/prisma-datamodel";
import { diffSchemas } from "@/lib/migrate/schema-diff";
import { defaultConstraintName, expectedShape, type SchemaShape } from "@/lib/migrate/schema-shape";

const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({ name, kind: "scalar" as const, type, isList: false, isRequired: true, ...extra });

const datamodel: Datamodel = {
  enums: [{ name: "Kind", values: [{ name: "a" }, { name: "b" }] }],
  models: [
    {
      name: "Thing",
      dbName: "things",
      primaryKey: null,
      fields: [
        field("id", "String", { nativeType: ["Uuid", []] }),
        field("createdAt", "DateTime", { dbName: "created_at", nativeType: ["Timestamptz", ["3"]] }),
        field("tags", "String", { isList: true }),
        field("note", "String", { isRequired: false }),
        { ...field("kind", "Kind"), kind: "enum" },
        field("ownerId", "String", { dbName: "owner_id", nativeType: ["Uuid", []] }),
        { ...field("owner", "Owner"), kind: "object", relationFromFields: ["ownerId"], relationToFields: ["id"] },
      ],
    },
    { name: "Owner", dbName: "owners", primaryKey: null, fields: [field("id", "String", { nativeType: ["Uuid", []] })] },
  ],
  indexes: [
    { model: "Thing", type: "id", fields: [{ name: "id" }] },
    { model: "Thing", type: "normal", fields: [{ name: "createdAt", sortOrder: "desc" }, { name: "id" }] },
    { model: "Thing", type: "normal", algorithm: "Gin", fields: [{ name: "tags" }] },
  ],
};

describe("expected schema shape", () => {
  it("maps Prisma types, names and attributes to what PostgreSQL reports", () => {
    const shape = expectedShape(datamodel);
    expect(shape.tables.things).toEqual({
      id: { type: "uuid", nullable: false },
      created_at: { type: "timestamp(3) with time zone", nullable: false },
      tags: { type: "text[]", nullable: true },
      note: { type: "text", nullable: true },
      kind: { type: "Kind", nullable: false },
      owner_id: { type: "uuid", nullable: false },
    });
    expect(shape.indexes).toEqual([
      { table: "things", name: "things_pkey", columns: ["id"], unique: true, primary: true, method: "btree" },
      { table: "things", name: "things_created_at_id_idx", columns: ["created_at DESC", "id"], unique: false, primary: false, method: "btree" },
      { table: "things", name: "things_tags_idx", columns: ["tags"], unique: false, primary: false, method: "gin" },
    ]);
    expect(shape.foreignKeys).toEqual([
      { table: "things", name: "things_owner_id_fkey", columns: ["owner_id"], refTable: "owners", refColumns: ["id"], onDelete: "Restrict" },
    ]);
  });

  it("cuts long default names to PostgreSQL's 63 characters the way Prisma does", () => {
    const name = defaultConstraintName("a_rather_long_table_name", ["first_long_column", "second_long_column"], "idx");
    expect(name).toHaveLength(63);
    expect(name.endsWith("_idx")).toBe(true);
    expect(defaultConstraintName("users", ["email"], "key")).toBe("users_email_key");
  });
});

describe("schema diff", () => {
  const expected = expectedShape(datamodel);
  const clone = (): SchemaShape => structuredClone(expected);

  it("is empty for identical shapes and reports each kind of difference", () => {
    expect(diffSchemas(expected, clone())).toEqual([]);
    const actual = clone();
    actual.tables.things!.note = { type: "character varying(10)", nullable: true };
    delete actual.tables.things!.tags;
    actual.tables.extra = { id: { type: "integer", nullable: false } };
    actual.indexes[2]!.method = "btree";
    actual.enums.Kind = ["a", "b", "c"];
    actual.foreignKeys[0]!.onDelete = "Cascade";
    expect(diffSchemas(expected, actual)).toEqual([
      "column things.note has type character varying(10) in the database but text in the Prisma schema",
      "column things.tags is in the Prisma schema but not in the database",
      "enum Kind has the value 'c' in the database but not in the Prisma schema",
      "missing in the database: foreign key things_owner_id_fkey on things (owner_id) -> owners (id) on delete Restrict",
      "missing in the database: index things_tags_idx on things (tags) using gin",
      "not in the Prisma schema: foreign key things_owner_id_fkey on things (owner_id) -> owners (id) on delete Cascade",
      "not in the Prisma schema: index things_tags_idx on things (tags)",
      "table extra is in the database but not in the Prisma schema",
    ]);
  });
});
