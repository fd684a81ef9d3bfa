"use client";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { ScoresView } from "@/lib/use-cases/views";

type Explanation = NonNullable<ScoresView["aggregate"]>["explanation"];
type Version = Explanation["versions"][number];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function VersionTable({ v, caption }: { v: Version; caption: string }) {
  return (
    <Table data-testid="priority-explanation" data-rubric-version={v.rubricVersion}>
      <caption className="sr-only">{caption}</caption>
      <thead><tr><Th>Criterion</Th><Th className="text-right">Weight (share)</Th><Th className="text-right">Mean score</Th><Th className="text-right">Spread</Th><Th className="text-right">Points</Th></tr></thead>
      <tbody className="divide-y divide-slate-100">
        {v.parts.map((p) => {
          const s = v.criteria.find((c) => c.key === p.key);
          return (
            <tr key={p.key}>
              <Td>{p.label}{p.direction === "lower_is_better" ? <span className="text-xs text-slate-500"> (lower is better)</span> : null}</Td>
              <Td className="text-right tabular-nums">{p.weight} ({(p.share * 100).toFixed(0)}%)</Td>
              <Td className="text-right tabular-nums">{p.value.toFixed(1)}</Td>
              <Td className="text-right tabular-nums">{s ? `${s.spread}` : "—"}{s?.disagreement ? <Badge tone="warning" className="ml-1">disagree</Badge> : null}</Td>
              <Td className="text-right tabular-nums">{p.points.toFixed(1)}</Td>
            </tr>
          );
        })}
        <tr><Td className="font-medium">Priority{v.share < 1 ? ` under v${v.rubricVersion}` : ""}</Td><Td /><Td /><Td /><Td className="text-right font-medium tabular-nums">{v.priority.toFixed(1)}</Td></tr>
      </tbody>
    </Table>
  );
}

/**
 * How each criterion and weight made the priority: one table per rubric version the
 * scores were given under (lib/use-cases/explain.ts says why), and, when there are
 * several, the weighted sum that gives the headline figure.
 */
export function PriorityExplanation({ explanation: e, priority }: { explanation: Explanation; priority: number }) {
  if (!e.mixedVersions) {
    const v = e.versions[0]!;
    return (
      <>
        <h3 className="mb-2 font-medium">How the priority is made (rubric v{v.rubricVersion})</h3>
        <VersionTable v={v} caption="Contribution of each criterion to the priority" />
      </>
    );
  }
  const sum = e.versions.map((v) => `${v.scoreCount}/${e.versions.reduce((n, x) => n + x.scoreCount, 0)} × ${v.priority.toFixed(1)}`).join(" + ");
  return (
    <>
      <h3 className="mb-2 font-medium">How the priority is made (rubric versions {e.versions.map((v) => `v${v.rubricVersion}`).join(" and ")})</h3>
      <p className="mb-3 rounded bg-amber-50 p-3 text-sm text-amber-900" data-testid="mixed-versions">
        These scores were given under different rubric versions ({e.versions.map((v) => `v${v.rubricVersion}: ${plural(v.scoreCount, "score")}`).join(", ")}).
        Each score keeps the priority of the rubric it was given under, so each version is explained with its own weights below;
        the headline is every score&apos;s priority averaged: {sum} = {priority.toFixed(1)}.
      </p>
      <div className="space-y-4">
        {e.versions.map((v) => (
          <section key={v.rubricVersion} aria-label={`Rubric v${v.rubricVersion}`}>
            <h4 className="mb-1 text-sm font-medium">Rubric v{v.rubricVersion} · {plural(v.scoreCount, "score")} ({(v.share * 100).toFixed(0)}% of the priority)</h4>
            <VersionTable v={v} caption={`Contribution of each criterion under rubric version ${v.rubricVersion}`} />
          </section>
        ))}
      </div>
    </>
  );
}
