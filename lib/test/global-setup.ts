import type { TestProject } from "vitest/node";
import { createTestDatabase, localServer } from "@/lib/test/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}

/** One freshly migrated database for the run; tests isolate by unique data, not by truncation. */
export default async function setup(project: TestProject) {
  const server = await localServer();
  const db = await createTestDatabase(server.adminUrl, "vitest");
  project.provide("databaseUrl", db.url);
  project.provide("adminDatabaseUrl", server.adminUrl);
  return async () => {
    await db.drop();
    await server.stop();
  };
}
