import "server-only";
import type { Tx } from "@/lib/db";
import { RISK_TIERS, type RiskTierName } from "@/lib/use-cases/risk";

// What the promotion gates and approvals hold a model version to, from lineage: the most
// severe tier among the use cases its training data feeds, wherever downstream they are
// linked (the rule of lineage-risk.ts, which lists them per reader for the catalog page).
// Every team's use cases count: approvals must not depend on who is looking. One
// recursive query; UNION visits each asset once, so cycles end by themselves.

const REACH_CAP = 50_000;

export interface InheritedRisk {
  tier: RiskTierName;
  /** How many use cases of that tier. */
  useCases: number;
  /** One of them by title, for the gate's sentence. */
  example: string;
}

export async function inheritedRiskOf(tx: Tx, modelVersionId: string): Promise<InheritedRisk | null> {
  const rows = await tx.$queryRaw<{ tier: RiskTierName; n: number; example: string }[]>`
    WITH RECURSIVE reach(id) AS (
      SELECT dv.asset_id FROM model_version_inputs i JOIN dataset_versions dv ON dv.id = i.dataset_version_id WHERE i.model_version_id = ${modelVersionId}::uuid
      UNION
      SELECT e.target_id FROM reach r JOIN lineage_edges e ON e.source_id = r.id
    ), capped AS (SELECT id FROM reach LIMIT ${REACH_CAP}),
    hits AS (
      SELECT DISTINCT uc.id, uc.title, uc.tier FROM capped c JOIN asset_use_cases l ON l.asset_id = c.id JOIN use_cases uc ON uc.id = l.use_case_id
      WHERE uc.state NOT IN ('rejected', 'retired')
    )
    SELECT tier::text AS tier, count(*)::int AS n, min(title) AS example FROM hits GROUP BY tier`;
  const rank = (t: RiskTierName) => RISK_TIERS.indexOf(t);
  const worst = rows.sort((a, b) => rank(a.tier) - rank(b.tier))[0];
  return worst ? { tier: worst.tier, useCases: worst.n, example: worst.example } : null;
}
