import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { databaseShape } from "@/lib/migrate/database-shape";
import { loadDatamodel } from "@/lib/migrate/prisma-datamodel";
import { diffSchemas } from "@/lib/migrate/schema-diff";
import { expectedShape, type SchemaShape } from "@/lib/migrate/schema-shape";
import { createTestDatabase } from "@/lib/test/test-database";

// The hand-written migrations must build exactly the database the Prisma schema
// describes (tables, columns, types, nullability, indexes, enums, foreign keys).
// When this fails, fix the migration you are adding (never an applied one), or the
// .prisma file, until the list of differences is empty.

let expected: SchemaShape;
beforeAll(() => {
  expected = expectedShape(loadDatamodel());
});

async function shapeOf(url: string): Promise<SchemaShape> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await databaseShape(c);
  } finally {
    await c.end();
  }
}

describe("schema drift", () => {
  it("finds no difference between the migrated database and the Prisma schema", async () => {
    expect(Object.keys(expected.tables)).toContain("audit_events");
    expect(diffSchemas(expected, await shapeOf(inject("databaseUrl")))).toEqual([]);
  });

  describe("on a deliberately altered database", () => {
    let scratch: { url: string; drop: () => Promise<void> };
    beforeAll(async () => {
      scratch = await createTestDatabase(inject("adminDatabaseUrl"), "drift");
      const c = new pg.Client({ connectionString: scratch.url });
      await c.connect();
      const roles = expected.enums.Role!.filter((r) => r !== "executive");
      await c.query(`
        DROP INDEX "users_name_id_idx";
        ALTER TABLE "teams" ALTER COLUMN "description" DROP NOT NULL;
        ALTER TYPE "Role" RENAME TO "Role_old";
        CREATE TYPE "Role" AS ENUM (${roles.map((r) => `'${r}'`).join(", ")});
        DO $$ DECLARE col record; BEGIN
          FOR col IN SELECT c.relname, a.attname, a.atttypid = '"Role_old"[]'::regtype AS arr FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                      WHERE a.atttypid IN ('"Role_old"'::regtype, '"Role_old"[]'::regtype) AND c.relkind = 'r' LOOP
            -- Role[] columns (promotion policies' approver roles) convert through text[].
            IF col.arr THEN
              EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE "Role"[] USING %I::text[]::"Role"[]', col.relname, col.attname, col.attname);
            ELSE
              EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE "Role" USING %I::text::"Role"', col.relname, col.attname, col.attname);
            END IF;
          END LOOP;
        END $$;
        DROP TYPE "Role_old";`);
      await c.end();
    });
    afterAll(() => scratch?.drop());

    it("names the missing index, the wrong nullability and the missing enum value, and nothing else", async () => {
      expect(diffSchemas(expected, await shapeOf(scratch.url))).toEqual([
        "column teams.description is nullable in the database but required (NOT NULL) in the Prisma schema",
        "enum Role lacks the value 'executive' in the database",
        "missing in the database: index users_name_id_idx on users (name, id)",
      ]);
    });
  });
});
