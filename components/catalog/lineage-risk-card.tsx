import Link from "next/link";
import { Card } from "@/components/ui/card";
import { TierBadge } from "@/components/use-cases/badges";
import type { LineageRisk } from "@/lib/lineage/lineage-risk-schema";

// A model version's risk inherited through lineage: the highest tier of the use cases its
// training data feeds, and which ones (those the reader may read).

export function LineageRiskCard({ risk }: { risk: LineageRisk }) {
  return (
    <Card aria-labelledby="lineage-risk" className="mt-4">
      <div className="flex items-center justify-between gap-2">
        <h2 id="lineage-risk" className="text-lg font-semibold">Risk through lineage</h2>
        {risk.tier ? <TierBadge tier={risk.tier} /> : <span className="text-sm text-slate-500">none</span>}
      </div>
      {risk.tier === null ? (
        <p className="mt-1 text-sm text-slate-600">The training data of this version feeds no use case (rejected and retired ones aside).</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600">The highest risk tier among the use cases this version&rsquo;s training data feeds downstream (rejected and retired use cases do not count).</p>
          {risk.useCases.length ? (
            <ul className="mt-2 space-y-1 text-sm">
              {risk.useCases.map((u) => (
                <li key={`${u.useCaseId}:${u.inputAssetId}`}>
                  <TierBadge tier={u.tier} /> <Link className="text-brand-700 hover:underline" href={`/use-cases/${u.useCaseId}`}>{u.title}</Link>
                  <span className="text-slate-600"> — fed by training data <Link className="text-brand-700 hover:underline" href={`/catalog/${u.inputAssetId}`}>{u.inputName}</Link>
                    {u.viaAssetId === u.inputAssetId ? " directly" : u.viaAssetId ? <> through <Link className="text-brand-700 hover:underline" href={`/catalog/${u.viaAssetId}`}>{u.viaName}</Link></> : " through an asset outside your teams"}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {risk.hiddenUseCases ? <p className="mt-2 text-sm text-slate-600">{risk.hiddenUseCases} more use case{risk.hiddenUseCases === 1 ? "" : "s"} outside your teams {risk.hiddenUseCases === 1 ? "is" : "are"} counted in the tier.</p> : null}
        </>
      )}
      {risk.truncated ? <p role="alert" className="mt-2 text-sm text-amber-800">The lineage below this data is too large to walk fully; the tier may be higher.</p> : null}
    </Card>
  );
}
