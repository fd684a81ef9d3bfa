import type { Metadata } from "next";
import { TeamsAdmin } from "@/components/admin/teams-admin";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/card";
import { currentActor } from "@/lib/auth/session-actor";
import { can } from "@/lib/policy/require";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const actor = (await currentActor())!;
  if (!can(actor, "team.manage")) return <NoAccess what="manage teams" />;
  return (
    <>
      <PageHeader title="Teams" description="Teams own use cases and assets; membership scopes what product owners see." />
      <TeamsAdmin />
    </>
  );
}
