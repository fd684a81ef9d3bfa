import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import { systemContext } from "@/lib/http/context";

/**
 * First OIDC sign-in creates the user (admin when listed in OIDC_ADMIN_EMAILS);
 * later sign-ins link by subject, or by e-mail for users an admin created first.
 * Returns null for a deactivated user.
 */
export async function provisionOidcUser(p: { subject: string; email: string; name: string }): Promise<{ id: string } | null> {
  const admins = env()
    .OIDC_ADMIN_EMAILS.split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const email = p.email.toLowerCase();
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findFirst({ where: { OR: [{ oidcSubject: p.subject }, { email }] } });
    if (existing) {
      if (!existing.active) return null;
      if (existing.oidcSubject !== p.subject) await tx.user.update({ where: { id: existing.id }, data: { oidcSubject: p.subject } });
      return { id: existing.id };
    }
    const roles = admins.includes(email) ? (["admin"] as const) : ([] as const);
    const user = await tx.user.create({
      data: { email, name: p.name, oidcSubject: p.subject, roles: { create: roles.map((role) => ({ role })) } },
    });
    await recordAudit(tx, systemContext("oidc-sign-in"), {
      action: "user.provisioned",
      entityType: "user",
      entityId: user.id,
      before: null,
      after: { email, name: p.name, roles: [...roles] },
    });
    return { id: user.id };
  });
}
