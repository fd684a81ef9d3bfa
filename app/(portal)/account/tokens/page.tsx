import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { TokensPanel } from "@/components/tokens/tokens-panel";
import { PageHeader } from "@/components/ui/card";
import { currentActor } from "@/lib/auth/session-actor";
import { can } from "@/lib/policy/require";

export const metadata: Metadata = { title: "My API tokens" };

export default async function MyTokensPage() {
  const actor = (await currentActor())!;
  if (!can(actor, "token.read")) return <NoAccess what="use API tokens" />;
  return (
    <>
      <PageHeader title="My API tokens" description="Tokens let your scripts and pipelines call the portal's API as you, limited to the scopes you choose." />
      <TokensPanel userId={actor.userId} />
    </>
  );
}
