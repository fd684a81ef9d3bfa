import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { RequestForm } from "@/components/promotions/request-form";
import { currentActor } from "@/lib/auth/session-actor";
import { db } from "@/lib/db";
import { listEnvironments } from "@/lib/environments/environments";
import { can, requirePermission, teamFilter } from "@/lib/policy/require";

export const metadata: Metadata = { title: "Request a promotion" };

export default async function NewPromotionPage({ searchParams }: { searchParams: Promise<{ version?: string }> }) {
  const actor = (await currentActor())!;
  if (!can(actor, "promotion.request")) return <NoAccess what="request promotions" />;
  const teams = teamFilter(actor, requirePermission(actor, "promotion.request"));
  const versions = await db().modelVersion.findMany({
    where: teams ? { asset: { ownerTeamId: { in: teams } } } : {},
    orderBy: [{ createdAt: "desc" }], take: 200, select: { id: true, version: true, asset: { select: { name: true } } },
  });
  const envs = await listEnvironments(actor);
  const { version } = await searchParams;
  return (
    <>
      <PageHeader title="Request a promotion" description="Gates run as soon as you submit; a blocking gate keeps the request as a draft with the reason." />
      {versions.length && envs.length ? (
        <RequestForm
          initialVersionId={version}
          versions={versions.map((v) => ({ id: v.id, label: `${v.asset.name} v${v.version}` }))}
          environments={envs.map((e) => ({ key: e.key, name: e.name, strategies: e.policy?.allowedStrategies ?? [] }))}
        />
      ) : (
        <EmptyState title="Nothing to promote yet">Your teams have no model versions in the catalog, or no environment is set up.</EmptyState>
      )}
    </>
  );
}
