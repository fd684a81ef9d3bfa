import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { DecisionsCard, GlanceCard, NotificationsCard, UseCaseListCard } from "@/components/home/home-lists";
import { currentActor } from "@/lib/auth/session-actor";
import { homeFor } from "@/lib/home/home";
import { can } from "@/lib/policy/require";

export default async function HomePage() {
  const actor = (await currentActor())!;
  const home = await homeFor(actor);
  const links = NAV_ITEMS.filter((i) => i.href !== "/" && (!i.permission || can(actor, i.permission)));
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name}`} description="What waits for you now; everything else is one click away." />
      <div className="grid items-start gap-4 lg:grid-cols-2">
        {home.decisions ? <DecisionsCard decisions={home.decisions} /> : null}
        {home.toScore ? <UseCaseListCard list="toScore" lines={home.toScore} /> : null}
        {home.toDecide ? <UseCaseListCard list="toDecide" lines={home.toDecide} /> : null}
        {home.yourChanges ? <UseCaseListCard list="yourChanges" lines={home.yourChanges} /> : null}
        {home.notifications ? <NotificationsCard notifications={home.notifications} /> : null}
        {home.glance ? <GlanceCard glance={home.glance} /> : null}
      </div>
      <nav aria-label="Go to" className="mt-8">
        <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">Go to</h2>
        <ul className="flex flex-wrap gap-2">
          {links.map((i) => (
            <li key={i.href}><Link href={i.href} className="inline-block rounded border border-slate-200 bg-white px-3 py-1.5 text-sm text-brand-700 hover:bg-brand-50">{i.label}</Link></li>
          ))}
        </ul>
      </nav>
    </>
  );
}
