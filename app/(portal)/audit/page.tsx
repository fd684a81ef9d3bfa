import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditLog } from "@/components/audit/audit-log";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/card";
import { LoadingRows } from "@/components/ui/states";
import { currentActor } from "@/lib/auth/session-actor";
import { can } from "@/lib/policy/require";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const actor = (await currentActor())!;
  if (!can(actor, "audit.read")) return <NoAccess what="read the audit log" />;
  return (
    <>
      <PageHeader
        title="Audit log"
        description={<>Every change in the portal, newest first. Events form a hash chain; <code>npm run audit:verify</code> checks it end to end.</>}
      />
      <Suspense fallback={<LoadingRows label="Loading audit events" rows={6} />}>
        <AuditLog />
      </Suspense>
    </>
  );
}
