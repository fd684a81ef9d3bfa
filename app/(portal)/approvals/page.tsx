import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/card";
import { ApprovalsInbox } from "@/components/promotions/approvals-inbox";
import { currentActor } from "@/lib/auth/session-actor";
import { can } from "@/lib/policy/require";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const actor = (await currentActor())!;
  if (!can(actor, "promotion.approve")) return <NoAccess what="approve promotions" />;
  return (
    <>
      <PageHeader title="Approvals inbox" description="Promotions and rollbacks waiting for a decision, with the difference against what runs now." />
      <ApprovalsInbox />
    </>
  );
}
