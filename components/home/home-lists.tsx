import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatRelative } from "@/components/ui/format";
import { NOTIFICATION_WHAT } from "@/components/notifications/notification-words";
import type { Home, UseCaseLine } from "@/lib/home/home";

// The lists of the home page, one card each, server-rendered from lib/home/home.ts.

function Section({ id, title, count, more = false, empty, all, children }: { id: string; title: string; count: number; more?: boolean; empty: string; all: { href: string; label: string }; children: ReactNode }) {
  return (
    <Card aria-labelledby={id}>
      <div className="mb-3 flex items-baseline justify-between gap-2">
        <h2 id={id} className="font-semibold">{title} <span className="text-sm font-normal text-slate-500">({count}{more ? "+" : ""})</span></h2>
        <Link href={all.href} className="text-sm text-brand-700 hover:underline">{all.label}</Link>
      </div>
      {count === 0 ? <p className="text-sm text-slate-600">{empty}</p> : <ul className="divide-y divide-slate-100">{children}</ul>}
    </Card>
  );
}

const state = (s: string) => s.replace(/_/g, " ");

function UseCaseItems({ items }: { items: UseCaseLine[] }) {
  return items.map((u) => (
    <li key={u.id} className="flex items-center justify-between gap-2 py-2 text-sm">
      <Link href={`/use-cases/${u.id}`} className="font-medium text-brand-700 hover:underline">{u.title}</Link>
      <span className="shrink-0 text-slate-500"><Badge>{state(u.state)}</Badge> {formatRelative(u.since)}</span>
    </li>
  ));
}

export function DecisionsCard({ decisions }: { decisions: NonNullable<Home["decisions"]> }) {
  const n = decisions.items.length;
  return (
    <Section id="home-decisions" title="Promotions waiting for your decision" count={n} more={decisions.more} empty="No promotion or rollback waits for you." all={{ href: "/approvals", label: decisions.more ? "All in Approvals" : "Approvals" }}>
      {decisions.items.map((p) => (
        <li key={p.id} className="flex items-center justify-between gap-2 py-2 text-sm">
          <Link href={`/promotions/${p.id}`} className="font-medium text-brand-700 hover:underline">#{p.number} {p.purpose === "rollback" ? "Roll back " : ""}{p.model} → {p.environment}</Link>
          <span className="shrink-0 text-slate-500">{p.highRisk ? <Badge tone="warning">high risk</Badge> : null} {p.approvals}/{p.required} approvals</span>
        </li>
      ))}
    </Section>
  );
}

// The three lists of use cases: what each says, where "all" leads, and what it says when empty.
const USE_CASE_LISTS = {
  toScore: { title: "Use cases waiting for your score", empty: "You have scored every use case in review.", all: { href: "/use-cases?state=submitted,in_review", label: "All in review" } },
  toDecide: { title: "Use cases ready for your decision", empty: "No use case in review has all the scores approval needs yet.", all: { href: "/use-cases?state=in_review", label: "All in review" } },
  yourChanges: { title: "Your use cases to finish", empty: "None of your use cases waits for changes or is left in draft.", all: { href: "/use-cases/new", label: "New use case" } },
} as const;

export function UseCaseListCard({ list, lines }: { list: keyof typeof USE_CASE_LISTS; lines: { items: UseCaseLine[]; total: number } }) {
  const l = USE_CASE_LISTS[list];
  return (
    <Section id={`home-${list}`} title={l.title} count={lines.total} empty={l.empty} all={l.all}>
      <UseCaseItems items={lines.items} />
    </Section>
  );
}

export function NotificationsCard({ notifications }: { notifications: NonNullable<Home["notifications"]> }) {
  return (
    <Section id="home-notifications" title="Unread notifications" count={notifications.unread} empty="Nothing new." all={{ href: "/notifications", label: "All notifications" }}>
      {notifications.items.map((n) => (
        <li key={n.id} className="py-2 text-sm">
          <span className="text-slate-700">{n.actorName ?? "Someone"} {NOTIFICATION_WHAT[n.kind]} </span>
          <Link href={`/use-cases/${n.useCaseId}`} className="font-medium text-brand-700 hover:underline">{n.useCaseTitle}</Link>
          <span className="text-slate-500"> · {formatRelative(n.createdAt)}</span>
        </li>
      ))}
    </Section>
  );
}

export function GlanceCard({ glance }: { glance: NonNullable<Home["glance"]> }) {
  const figures = [
    { label: "in review", value: glance.inReview, href: "/use-cases?state=submitted,in_review" },
    { label: "approved or being built", value: glance.building, href: "/use-cases?state=approved,in_development" },
    { label: "in production", value: glance.live, href: "/use-cases?state=in_production" },
    { label: "open and high risk", value: glance.openHighRisk, href: "/use-cases?tier=high,prohibited&state=submitted,in_review,changes_requested,approved,in_development,in_production,on_hold" },
  ];
  return (
    <Card aria-labelledby="home-glance">
      <div className="mb-3 flex items-baseline justify-between gap-2">
        <h2 id="home-glance" className="font-semibold">Portfolio at a glance</h2>
        <Link href="/dashboards/portfolio" className="text-sm text-brand-700 hover:underline">Portfolio dashboard</Link>
      </div>
      <dl className="grid grid-cols-2 gap-3">
        {figures.map((f) => (
          <div key={f.label} className="rounded border border-slate-100 p-3">
            <dt className="text-sm text-slate-600"><Link href={f.href} className="hover:underline">Use cases {f.label}</Link></dt>
            <dd className="text-2xl font-semibold tabular-nums">{f.value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
