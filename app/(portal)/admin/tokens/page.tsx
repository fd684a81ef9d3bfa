import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { TokensPanel } from "@/components/tokens/tokens-panel";
import { PageHeader } from "@/components/ui/card";
import { currentActor } from "@/lib/auth/session-actor";
import { can } from "@/lib/policy/require";

export const metadata: Metadata = { title: "All API tokens" };

export default async function AdminTokensPage() {
  const actor = (await currentActor())!;
  if (!can(actor, "user.manage")) return <NoAccess what="manage everyone's API tokens" />;
  return (
    <>
      <PageHeader title="All API tokens" description="Every user's tokens for machines: create one for a service account, revoke one that leaked." />
      <TokensPanel adminView />
    </>
  );
}
