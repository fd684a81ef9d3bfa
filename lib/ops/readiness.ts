import "server-only";
import { db } from "@/lib/db";
import { pendingMigrations } from "@/lib/migrate/migrate";

/** Ready when the database answers and every migration on disk is applied. */
export async function readiness(): Promise<{ status: "ready" | "not_ready"; pendingMigrations: string[]; reason?: string }> {
  try {
    const rows = await db().$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const pending = await pendingMigrations(rows.map((r) => r.migration_name));
    return pending.length ? { status: "not_ready", pendingMigrations: pending, reason: "migrations pending: run npm run db:migrate" } : { status: "ready", pendingMigrations: [] };
  } catch (e) {
    return { status: "not_ready", pendingMigrations: [], reason: `database unreachable: ${(e as Error).message.split("\n")[0]}` };
  }
}
