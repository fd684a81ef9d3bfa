import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/shell/no-access";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { FakesBadge, StateBadge } from "@/components/promotions/state-badge";
import { currentActor } from "@/lib/auth/session-actor";
import { can } from "@/lib/policy/require";
import { listPromotions } from "@/lib/promotions/read";
import { listPromotionsQuery } from "@/lib/promotions/schemas";

export const metadata: Metadata = { title: "Promotions" };

export default async function PromotionsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await currentActor())!;
  if (!can(actor, "promotion.read")) return <NoAccess what="see promotions" />;
  const q = listPromotionsQuery.safeParse(await searchParams);
  const page = await listPromotions(actor, q.success ? q.data : { limit: 25 });
  return (
    <>
      <PageHeader title="Promotions" description="Model versions moving between environments, newest first." actions={can(actor, "promotion.request") ? <Button asChild><Link href="/promotions/new">Request a promotion</Link></Button> : null} />
      {page.items.length ? (
        <Table>
          <thead><tr><Th>#</Th><Th>Model</Th><Th>Environment</Th><Th>State</Th><Th>Strategy</Th><Th>Requested by</Th><Th>Requested</Th></tr></thead>
          <tbody>
            {page.items.map((p) => (
              <tr key={p.id}>
                <Td><Link className="underline" href={`/promotions/${p.id}`}>#{p.number}</Link></Td>
                <Td>{p.model.name} v{p.model.version}</Td>
                <Td>{p.environment.name}</Td>
                <Td><StateBadge state={p.state} /> <FakesBadge usedFakes={p.usedFakes} />{p.failureStep ? <span className="text-xs text-red-700"> at {p.failureStep}</span> : null}</Td>
                <Td>{p.strategy.replace("_", "-")}</Td>
                <Td>{p.requestedBy.name}</Td>
                <Td>{new Date(p.createdAt).toLocaleString()}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState title="No promotions yet">Request one to move a model version to an environment.</EmptyState>
      )}
      {page.nextCursor ? <p className="mt-3"><Link className="underline" href={`/promotions?cursor=${page.nextCursor}`}>Older promotions</Link></p> : null}
    </>
  );
}
