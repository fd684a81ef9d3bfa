import "server-only";
import { db } from "@/lib/db";

/**
 * Names and risk tiers of use cases. The use-case table is built on another branch; until
 * it exists (or if its shape differs) the impact analysis answers ids only.
 */
export async function labelsOfUseCases(ids: string[]): Promise<Map<string, { name: string; riskTier: string | null }>> {
  const out = new Map<string, { name: string; riskTier: string | null }>();
  if (!ids.length) return out;
  const found = await db().$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('public.use_cases') IS NOT NULL AS exists`;
  if (!found[0]?.exists) return out;
  try {
    const rows = await db().$queryRawUnsafe<{ id: string; title: string; tier: string | null }[]>(
      `SELECT id::text, title, tier::text FROM use_cases WHERE id = ANY($1::uuid[])`, ids);
    for (const r of rows) out.set(r.id, { name: r.title, riskTier: r.tier });
  } catch {
    // A different shape of the table: ids are still right, labels are a nicety.
  }
  return out;
}
