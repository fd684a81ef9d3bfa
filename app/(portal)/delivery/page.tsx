import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { DeliveryHistory } from "@/components/promotions/delivery-history";
import { DeliveryMatrix } from "@/components/promotions/delivery-matrix";
import { currentActor } from "@/lib/auth/session-actor";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/policy/require";
import { asOfQuery, deliveryMetrics, inProductionAt } from "@/lib/promotions/dashboard";
import { environmentMatrix, environmentsInOrder, matrixQuery } from "@/lib/promotions/matrix";
import { listTeams } from "@/lib/users/teams";

export const metadata: Metadata = { title: "Delivery" };

type Search = Partial<Record<"q" | "team" | "drift" | "cursor" | "at" | "environment" | "historyCursor" | "historyPage", string>>;

/** A bad filter or an edited cursor says what is wrong where it was typed, instead of failing the page. */
async function attempt<T>(fn: () => Promise<T>): Promise<[T | null, string | null]> {
  try {
    return [await fn(), null];
  } catch (e) {
    if (isAppError(e) && e.code === "validation") return [null, e.message];
    throw e;
  }
}

export default async function DeliveryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = (await currentActor())!;
  if (!can(actor, "promotion.read")) return <NoAccess what="see the promotion dashboard" />;
  const sp = await searchParams;
  const mq = matrixQuery.safeParse({ q: sp.q || undefined, team: sp.team || undefined, drift: sp.drift || undefined, cursor: sp.cursor || undefined });
  const hq = sp.at ? asOfQuery.safeParse({ at: sp.at, environment: sp.environment || undefined, cursor: sp.historyCursor || undefined }) : null;
  const [[matrix, matrixError], metrics, teams, [history, historyError]] = await Promise.all([
    mq.success ? attempt(() => environmentMatrix(actor, mq.data)) : Promise.resolve([null, mq.error.issues[0]?.message ?? "Check the filters."] as [null, string]),
    deliveryMetrics(actor),
    can(actor, "team.read") ? listTeams(actor) : Promise.resolve([]),
    hq?.success ? attempt(() => inProductionAt(actor, hq.data)) : Promise.resolve([null, hq ? (hq.error.issues[0]?.message ?? "Check the date.") : null] as [null, string | null]),
  ]);
  const environments = matrix?.environments ?? (await environmentsInOrder());
  const historyPage = Math.max(1, Number.parseInt(sp.historyPage ?? "1", 10) || 1);
  return (
    <>
      <PageHeader title="Delivery" description="What runs where, how reliably we deliver, and what ran at any past moment." />
      <section aria-labelledby="matrix-h" className="mb-8">
        <h2 id="matrix-h" className="mb-2 font-semibold">Environment matrix</h2>
        <DeliveryMatrix matrix={matrix} filters={mq.success ? mq.data : {}} teams={teams.map((t) => ({ id: t.id, name: t.name }))} keep={{ at: sp.at, environment: sp.environment }} error={matrixError} />
      </section>
      <section aria-labelledby="dora-h" className="mb-8">
        <h2 id="dora-h" className="mb-2 font-semibold">Delivery metrics (last 12 weeks)</h2>
        <p className="mb-2 text-sm">Change failure rate: <strong>{metrics.changeFailureRate ?? "—"}{metrics.changeFailureRate !== null ? " %" : ""}</strong> of {metrics.executed} executed promotions.</p>
        <Table>
          <thead><tr><Th>Week of</Th><Th>Executed</Th><Th>Succeeded</Th><Th>Failed</Th><Th>Rolled back</Th><Th>Median lead time (h)</Th><Th>Median time to restore (h)</Th></tr></thead>
          <tbody>{metrics.weeks.map((w) => <tr key={w.week}><Td>{w.week}</Td><Td>{w.promotions}</Td><Td>{w.succeeded}</Td><Td>{w.failed}</Td><Td>{w.rolledBack}</Td><Td>{w.leadTimeHours ?? "—"}</Td><Td>{w.timeToRestoreHours ?? "—"}</Td></tr>)}</tbody>
        </Table>
      </section>
      <DeliveryHistory
        history={history} environments={environments} at={sp.at ?? ""} environment={sp.environment ?? "prod"} page={historyPage} error={historyError}
        keep={{ q: sp.q, team: sp.team, drift: sp.drift, cursor: sp.cursor }}
      />
    </>
  );
}
