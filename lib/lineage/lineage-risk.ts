import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/actor";
import { can, teamFilter, requirePermission } from "@/lib/policy/require";
import { readableTeams } from "@/lib/catalog/scope";
import { RISK_TIERS } from "@/lib/use-cases/risk";
import type { LineageRisk } from "@/lib/lineage/lineage-risk-schema";

// Risk travels along lineage: a model version inherits the highest risk tier of the use
// cases its training data feeds, wherever downstream they are linked (the data itself,
// datasets derived from it, this or another model, a deployment). One recursive query.
//
// The tier counts every such use case, including those of teams the reader may not see:
// a risk signal hidden by team boundaries would understate the risk of a model the reader
// can see. The use cases themselves (titles, links) are listed only when the reader may
// read them; the others are only counted. Rejected and retired use cases do not count.

const REACH_CAP = 50_000;

type Row = { reached: number; useCaseId: string | null; title: string | null; tier: (typeof RISK_TIERS)[number] | null; teamId: string | null; inputAssetId: string | null; inputName: string | null; viaAssetId: string | null; viaName: string | null; viaTeamId: string | null };

/** The caller has checked that the actor may read this model version. */
export async function lineageRiskOfModelVersion(actor: Actor, modelVersionId: string): Promise<LineageRisk> {
  // UNION (not UNION ALL) over (asset, input) visits each pair once: cycles end by themselves.
  const rows = await db().$queryRaw<Row[]>`
    WITH RECURSIVE inputs AS (
      SELECT DISTINCT dv.asset_id FROM model_version_inputs i JOIN dataset_versions dv ON dv.id = i.dataset_version_id WHERE i.model_version_id = ${modelVersionId}::uuid
    ), reach(id, input) AS (
      SELECT asset_id, asset_id FROM inputs
      UNION
      SELECT e.target_id, r.input FROM reach r JOIN lineage_edges e ON e.source_id = r.id
    ), capped AS (SELECT id, input FROM reach LIMIT ${REACH_CAP})
    SELECT n.reached, x.* FROM (SELECT count(*)::int AS reached FROM capped) n
    LEFT JOIN LATERAL (
      SELECT DISTINCT ON (uc.id, c.input) uc.id::text AS "useCaseId", uc.title, uc.tier::text AS tier, uc.team_id::text AS "teamId",
             c.input::text AS "inputAssetId", ia.name AS "inputName", c.id::text AS "viaAssetId", va.name AS "viaName", va.owner_team_id::text AS "viaTeamId"
      FROM capped c JOIN asset_use_cases l ON l.asset_id = c.id JOIN use_cases uc ON uc.id = l.use_case_id
      JOIN assets ia ON ia.id = c.input JOIN assets va ON va.id = c.id
      WHERE uc.state NOT IN ('rejected', 'retired')
      ORDER BY uc.id, c.input, (c.id = c.input) DESC, va.name
    ) x ON true`;
  const found = rows.filter((r) => r.useCaseId !== null);
  const ucTeams = can(actor, "usecase.read") ? teamFilter(actor, requirePermission(actor, "usecase.read")) : [];
  const assetTeams = readableTeams(actor);
  const seesUseCase = (teamId: string | null) => ucTeams === null || (!!teamId && ucTeams.includes(teamId));
  const seesAsset = (teamId: string | null) => assetTeams === null || teamId === null || assetTeams.includes(teamId);
  const rank = (t: string) => RISK_TIERS.indexOf(t as (typeof RISK_TIERS)[number]);
  const tier = found.reduce<LineageRisk["tier"]>((best, r) => (best === null || rank(r.tier!) < rank(best) ? r.tier : best), null);
  const visible = found.filter((r) => seesUseCase(r.teamId));
  return {
    tier,
    useCases: visible
      .map((r) => ({ useCaseId: r.useCaseId!, title: r.title!, tier: r.tier!, inputAssetId: r.inputAssetId!, inputName: r.inputName!, viaAssetId: seesAsset(r.viaTeamId) ? r.viaAssetId : null, viaName: seesAsset(r.viaTeamId) ? r.viaName : null }))
      .sort((a, b) => rank(a.tier) - rank(b.tier) || a.title.localeCompare(b.title)),
    hiddenUseCases: new Set(found.filter((r) => !seesUseCase(r.teamId)).map((r) => r.useCaseId)).size,
    truncated: (rows[0]?.reached ?? 0) >= REACH_CAP,
  };
}
