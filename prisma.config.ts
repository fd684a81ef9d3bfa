import { defineConfig } from "prisma/config";

// The Prisma CLI is only used here for `prisma generate` (it cannot download its
// schema engine offline); migrations are applied by scripts/migrate.ts.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations", seed: "tsx --conditions=react-server prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
