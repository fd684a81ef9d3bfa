import type { Metadata } from "next";
import { UsersAdmin } from "@/components/admin/users-admin";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/card";
import { currentActor } from "@/lib/auth/session-actor";
import { can } from "@/lib/policy/require";

export const metadata: Metadata = { title: "Users & roles" };

export default async function UsersPage() {
  const actor = (await currentActor())!;
  if (!can(actor, "user.read")) return <NoAccess what="manage users" />;
  return (
    <>
      <PageHeader title="Users & roles" description="Who can use the portal, with which roles, in which teams. Every change is recorded in the audit log." />
      <UsersAdmin />
    </>
  );
}
