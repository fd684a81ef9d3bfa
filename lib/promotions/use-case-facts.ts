import "server-only";
import type { Tx } from "@/lib/db";
import type { GateEvidence } from "@/lib/promotions/gates";

// Reads the facts the gates need from the use-case area (issue 4). Raw SQL through one
// narrow adapter so this area does not depend on that area's services; the table may
// be absent on a database migrated before use cases existed.
const APPROVED_FOR_BUILD = new Set(["approved", "in_development", "in_production"]);

interface Row {
  id: string;
  title: string;
  state: string;
  tier: string | null;
  team_id: string | null;
  human_oversight_plan: string | null;
}

async function hasUseCases(tx: Tx): Promise<boolean> {
  const r = await tx.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('public.use_cases')::text AS t`;
  return !!r[0]?.t;
}

export async function loadUseCaseFacts(tx: Tx, useCaseId: string | null): Promise<(GateEvidence["useCase"] & { teamId: string | null }) | null> {
  if (!useCaseId || !(await hasUseCases(tx))) return null;
  const rows = await tx.$queryRawUnsafe<Row[]>(
    `SELECT id::text, title, state::text AS state, tier::text AS tier, team_id::text, human_oversight_plan FROM use_cases WHERE id = $1::uuid`,
    useCaseId,
  );
  const r = rows[0];
  if (!r) return null;
  // The plan the use case's owners documented on its page (PUT /api/v1/use-cases/{id}/oversight-plan).
  const plan = r.human_oversight_plan?.trim() || null;
  return { id: r.id, title: r.title, state: r.state, approvedForBuild: APPROVED_FOR_BUILD.has(r.state), riskTier: r.tier, humanOversightPlan: plan, teamId: r.team_id };
}

/** The risk tier in force of each use case, in one query (the approvals inbox judges many requests at once). */
export async function riskTiersOf(tx: Tx, useCaseIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(useCaseIds)];
  if (!ids.length || !(await hasUseCases(tx))) return new Map();
  const rows = await tx.$queryRawUnsafe<{ id: string; tier: string }[]>(`SELECT id::text, tier::text AS tier FROM use_cases WHERE id = ANY($1::uuid[])`, ids);
  return new Map(rows.map((r) => [r.id, r.tier]));
}

export interface PendingUseCase {
  id: string;
  title: string;
  state: string;
  tier: string | null;
  updatedAt: Date;
}

/** Use cases waiting for a reviewer's decision, for the approvals inbox. */
export async function pendingUseCaseDecisions(tx: Tx, limit = 50): Promise<PendingUseCase[]> {
  if (!(await hasUseCases(tx))) return [];
  return tx.$queryRawUnsafe<PendingUseCase[]>(
    `SELECT id::text, title, state::text AS state, tier::text AS tier, updated_at AS "updatedAt" FROM use_cases WHERE state IN ('submitted', 'in_review') ORDER BY updated_at ASC LIMIT $1`,
    limit,
  );
}

/** The use cases an asset serves (catalog's asset_use_cases), to default a promotion's use case. */
export async function useCaseOfAsset(tx: Tx, assetId: string): Promise<string | null> {
  const link = await tx.assetUseCase.findFirst({ where: { assetId }, orderBy: { createdAt: "asc" }, select: { useCaseId: true } });
  return link?.useCaseId ?? null;
}
