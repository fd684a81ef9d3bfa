import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { inProductionAt } from "@/lib/promotions/dashboard";

type History = Awaited<ReturnType<typeof inProductionAt>>;

/** "What was running on a given date": a GET form and the deployments of that moment, a page at a time. */
export function DeliveryHistory({ history, environments, at, environment, page, keep, error }: {
  history: History | null; environments: { key: string; name: string }[]; at: string; environment: string; page: number; keep: Record<string, string | undefined>; error: string | null;
}) {
  const href = (cursor?: string, n?: number) => `/delivery?${new URLSearchParams(Object.entries({ ...keep, at, environment, historyCursor: cursor, historyPage: n && n > 1 ? String(n) : undefined }).filter((e): e is [string, string] => !!e[1]))}#history-h`;
  return (
    <Card className="p-4">
      <h2 id="history-h" className="mb-2 font-semibold">What was running on a given date</h2>
      <form className="flex flex-wrap items-end gap-2" method="get" action="/delivery#history-h" aria-label="Choose a moment">
        {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <label className="text-sm">Date and time <input className="ml-1 rounded border px-2 py-1" type="datetime-local" name="at" defaultValue={at} required /></label>
        <label className="text-sm">Environment <select className="ml-1 rounded border px-2 py-1" name="environment" defaultValue={environment}>{environments.map((e) => <option key={e.key} value={e.key}>{e.name}</option>)}</select></label>
        <Button type="submit">Show</Button>
      </form>
      {error ? <p role="alert" className="mt-2 text-sm text-red-700">{error}</p> : null}
      {history ? (
        history.deployments.length ? (
          <>
            <p className="mt-3 text-sm text-slate-600">Newest deployment first{page > 1 ? `, page ${page}` : ""}.</p>
            <ul className="mt-2 space-y-2 text-sm" aria-label="Deployments running at that moment">
              {history.deployments.map((d) => (
                <li key={d.id}>
                  <strong>{d.model.name} v{d.model.version}</strong> since {new Date(d.since).toLocaleString()}{d.until ? ` until ${new Date(d.until).toLocaleString()}` : ""} · code {d.model.code?.slice(0, 10) ?? "—"} · data {d.data.map((x) => `${x.dataset}@${x.commit?.slice(0, 10) ?? x.version}`).join(", ") || "—"}
                  {d.promotion ? <> · <Link className="underline" href={`/promotions/${d.promotion.id}`}>promotion #{d.promotion.number}</Link> approved by {d.promotion.approvals.map((a) => a.by).join(", ") || "no one (policy needed none)"}</> : null}
                </li>
              ))}
            </ul>
            <nav aria-label="Pages of deployments" className="mt-3 flex gap-4 text-sm">
              {page > 1 ? <Link className="underline" href={href()}>Newest deployments</Link> : null}
              {history.nextCursor ? <Link className="underline" href={href(history.nextCursor, page + 1)}>Older deployments</Link> : null}
            </nav>
          </>
        ) : <p className="mt-3 text-sm">{page > 1 ? "No older deployments ran then." : `Nothing ran in ${history.environment} at ${new Date(history.at).toLocaleString()}.`}</p>
      ) : null}
    </Card>
  );
}
