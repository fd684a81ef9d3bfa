import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/policy/actor";
import type { RoleName } from "@/lib/policy/permissions";
import { can } from "@/lib/policy/require";

export type NotificationKind = "mention" | "change_request" | "approved" | "rejected";

const EXCERPT = 280;

/** The opening of a text, cut at a word where possible, for the inbox list. */
export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= EXCERPT) return flat;
  const cut = flat.slice(0, EXCERPT);
  return `${cut.slice(0, cut.lastIndexOf(" ") > EXCERPT / 2 ? cut.lastIndexOf(" ") : EXCERPT)}…`;
}

/** Active users by e-mail handle ("priya.owner" for priya.owner@…), with what the policy needs to know about them. */
export async function usersByHandle(tx: Tx, handles: string[]): Promise<Actor[]> {
  if (!handles.length) return [];
  const rows = await tx.user.findMany({
    where: { active: true, OR: handles.map((h) => ({ email: { startsWith: `${h}@`, mode: "insensitive" as const } })) },
    select: { id: true, email: true, name: true, roles: { select: { role: true } }, memberships: { select: { teamId: true } } },
  });
  return rows.map((u) => ({ kind: "user", userId: u.id, email: u.email, name: u.name, roles: u.roles.map((r) => r.role as RoleName), teamIds: u.memberships.map((m) => m.teamId) }));
}

/** Of these people, those who may read a use case of this team: a mention must not lead anyone to a page they cannot open. */
export function whoMayRead(people: Actor[], useCase: { teamId: string }): Actor[] {
  return people.filter((p) => can(p, "usecase.read", { teamId: useCase.teamId }));
}

/**
 * Writes notifications in the caller's transaction, so they exist exactly when the
 * comment or transition that caused them does. Nobody is notified of their own words,
 * and each person once (a change request or a decision sent to the owner wins over a mention of them).
 */
export async function notify(tx: Tx, n: { useCaseId: string; actorId: string; text: string; recipients: { userId: string; kind: NotificationKind }[] }): Promise<string[]> {
  const byUser = new Map<string, NotificationKind>();
  for (const r of n.recipients) if (r.userId !== n.actorId && (!byUser.has(r.userId) || byUser.get(r.userId) === "mention")) byUser.set(r.userId, r.kind);
  if (!byUser.size) return [];
  const excerpt = excerptOf(n.text);
  await tx.notification.createMany({ data: [...byUser].map(([recipientId, kind]) => ({ recipientId, kind, useCaseId: n.useCaseId, actorId: n.actorId, excerpt })) });
  return [...byUser.keys()];
}
