import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { currentActor } from "@/lib/auth/session-actor";
import { can } from "@/lib/policy/require";

export default async function HomePage() {
  const actor = (await currentActor())!;
  const items = NAV_ITEMS.filter((i) => i.href !== "/" && (!i.permission || can(actor, i.permission)));
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name}`} description="Decide, record and govern the AI work of the Center of Excellence." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {items.map((i) => (
          <Card key={i.href}>
            <Link href={i.href} className="font-medium text-brand-700 hover:underline">{i.label}</Link>
            <p className="mt-1 text-sm text-slate-600">{i.section}</p>
          </Card>
        ))}
      </div>
    </>
  );
}
