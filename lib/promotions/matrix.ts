import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import { nameAfter, nameCursor } from "@/lib/promotions/keyset";

// What runs where: each model with an active deployment, one column per environment, with a
// drift flag where a higher environment lags behind the one below for longer than its policy
// allows. Keyset-paged by model name (a fleet of 3,500 deployed models was one 1 MB answer),
// filtered by owning team, model name and "drift only", all in SQL.

const DAY = 86_400_000;

export const matrixQuery = z.object({
  team: z.string().uuid("Not a team id").optional(),
  q: z.string().trim().max(200).optional(),
  drift: z.enum(["all", "only"], { message: "Drift is 'all' or 'only'" }).default("all"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MatrixQuery = z.infer<typeof matrixQuery>;

interface Cell { version: string; versionId: string; since: string; promotionId: string | null; promotionNumber: number | null }

/** `%` and `_` typed by the user match themselves. */
const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The newest active deployment of the asset (alias a) in an environment, as a LATERAL body. */
const newestActive = (env: Prisma.Sql) => Prisma.sql`
  SELECT d.model_version_id, d.deployed_at, mv.created_at FROM model_versions mv JOIN deployments d ON d.model_version_id = mv.id
  WHERE mv.asset_id = a.id AND d.environment = ${env} AND d.status = 'active' ORDER BY d.deployed_at DESC LIMIT 1`;

/** The environments in promotion order, each with the drift days of its current policy (one statement). */
export async function environmentsInOrder(): Promise<{ key: string; name: string; driftDays: number }[]> {
  return db().$queryRaw`
    SELECT e.key, e.name, COALESCE((SELECT pol.drift_days FROM environment_policies pol WHERE pol.environment_id = e.id ORDER BY pol.version DESC LIMIT 1), 14) AS "driftDays"
    FROM environments e ORDER BY e.rank, e.key`;
}

export async function environmentMatrix(actor: Actor, q: MatrixQuery = matrixQuery.parse({})) {
  requirePermission(actor, "promotion.read");
  const envs = await environmentsInOrder();
  const pairs = envs.slice(1).map((upper, i) => ({ lower: envs[i]!.key, upper: upper.key, days: upper.driftDays }));
  const now = new Date();
  const after = nameAfter(q.cursor);
  // The same rule as the drift strings below: the lower environment runs a different, newer
  // version than the upper one (or the upper runs none), for more than the upper's drift days.
  const drifting = pairs.length ? Prisma.sql`EXISTS (
    SELECT 1 FROM unnest(${pairs.map((p) => p.lower)}::text[], ${pairs.map((p) => p.upper)}::text[], ${pairs.map((p) => p.days)}::int[]) ep(lower, upper, days)
    CROSS JOIN LATERAL (${newestActive(Prisma.sql`ep.lower`)}) lo
    LEFT JOIN LATERAL (${newestActive(Prisma.sql`ep.upper`)}) up ON TRUE
    WHERE lo.model_version_id IS DISTINCT FROM up.model_version_id AND (up.model_version_id IS NULL OR lo.created_at > up.created_at)
      AND lo.deployed_at <= ${now}::timestamptz - (ep.days + 1) * interval '1 day')` : Prisma.sql`FALSE`;
  const models = await db().$queryRaw<{ id: string; name: string }[]>`
    SELECT a.id::text, a.name FROM assets a
    WHERE a.kind = 'model'
      AND ${q.team ? Prisma.sql`a.owner_team_id = ${q.team}::uuid` : Prisma.sql`TRUE`}
      AND ${q.q ? Prisma.sql`a.name ILIKE ${likePattern(q.q)}` : Prisma.sql`TRUE`}
      AND ${after ? Prisma.sql`(a.name > ${after.name} OR (a.name = ${after.name} AND a.id > ${after.id}::uuid))` : Prisma.sql`TRUE`}
      AND EXISTS (SELECT 1 FROM model_versions mv JOIN deployments d ON d.model_version_id = mv.id WHERE mv.asset_id = a.id AND d.status = 'active')
      AND ${q.drift === "only" ? drifting : Prisma.sql`TRUE`}
    ORDER BY a.name, a.id
    LIMIT ${q.limit + 1}`;
  const page = models.slice(0, q.limit);
  // The newest active deployment of each model of the page in each environment.
  const active = page.length ? await db().$queryRaw<{ assetId: string; environment: string; deployedAt: Date; promotionId: string | null; promotionNumber: number | null; versionId: string; version: string; createdAt: Date }[]>`
    SELECT DISTINCT ON (mv.asset_id, d.environment)
      mv.asset_id::text AS "assetId", d.environment, d.deployed_at AS "deployedAt", d.promotion_id::text AS "promotionId", p.number AS "promotionNumber",
      mv.id::text AS "versionId", mv.version, mv.created_at AS "createdAt"
    FROM model_versions mv
    JOIN deployments d ON d.model_version_id = mv.id
    LEFT JOIN promotions p ON p.id = d.promotion_id
    WHERE mv.asset_id = ANY(${page.map((m) => m.id)}::uuid[]) AND d.status = 'active'
    ORDER BY mv.asset_id, d.environment, d.deployed_at DESC` : [];
  const cellsOf = new Map<string, Record<string, Cell & { createdAt: Date }>>();
  for (const d of active) {
    const cells = cellsOf.get(d.assetId) ?? {};
    cells[d.environment] = { version: d.version, versionId: d.versionId, since: d.deployedAt.toISOString(), promotionId: d.promotionId, promotionNumber: d.promotionNumber, createdAt: d.createdAt };
    cellsOf.set(d.assetId, cells);
  }
  const rows = page.map((m) => {
    const all = cellsOf.get(m.id) ?? {};
    const drift: string[] = [];
    for (const { lower: lo, upper: up, days } of pairs) {
      const lower = all[lo];
      const upper = all[up];
      if (lower && lower.versionId !== upper?.versionId && (!upper || lower.createdAt > upper.createdAt)) {
        const behindFor = Math.floor((now.getTime() - new Date(lower.since).getTime()) / DAY);
        if (behindFor > days) drift.push(`${up} behind ${lo} for ${behindFor} days`);
      }
    }
    const cells: Record<string, Cell> = Object.fromEntries(Object.entries(all).map(([k, { createdAt: _c, ...c }]) => [k, c]));
    return { assetId: m.id, name: m.name, cells, drift };
  });
  const last = page.at(-1);
  return { environments: envs.map((e) => ({ key: e.key, name: e.name })), rows, nextCursor: models.length > q.limit && last ? nameCursor(last.name, last.id) : null };
}
export type Matrix = Awaited<ReturnType<typeof environmentMatrix>>;
