import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { generateToken } from "@/lib/auth/tokens-crypto";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { inScope, requirePermission } from "@/lib/policy/require";
import { decodeCursor, encodeCursor, type Page } from "@/lib/http/cursor";
import type { CreateTokenInput, TokenView } from "@/lib/tokens/schemas";

const select = {
  id: true, name: true, prefix: true, scopes: true, userId: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true,
  user: { select: { email: true } },
} as const;

type Row = { id: string; name: string; prefix: string; scopes: string[]; userId: string; createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null; revokedAt: Date | null; user: { email: string } };

function view(r: Row): TokenView {
  return {
    id: r.id, name: r.name, prefix: r.prefix, scopes: r.scopes, userId: r.userId, userEmail: r.user.email,
    createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

/** Creates a token for the actor (or, for an admin, for any user). The secret is returned once. */
export async function createApiToken(ctx: RequestContext & { actor: Actor }, input: CreateTokenInput): Promise<TokenView & { token: string }> {
  const ownerId = input.userId ?? ctx.actor.userId;
  requirePermission(ctx.actor, "token.manage", { ownerId });
  if (ctx.actor.kind === "token") throw new AppError("forbidden", "An API token cannot mint further tokens; sign in to create one.");
  const { token, prefix, hash } = generateToken();
  const row = await db().$transaction(async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { id: true, active: true } });
    if (!owner) throw new AppError("validation", "The token's user does not exist.", { errors: [{ path: "userId", message: "No such user" }] });
    if (!owner.active) throw new AppError("validation", "The token's user is deactivated.", { errors: [{ path: "userId", message: "User is deactivated" }] });
    const created = await tx.apiToken.create({
      data: {
        name: input.name, prefix, hash, scopes: input.scopes, userId: ownerId, createdById: ctx.actor.userId,
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      },
      select,
    });
    await recordAudit(tx, ctx, { action: "token.created", entityType: "api_token", entityId: created.id, before: null, after: { name: created.name, prefix, scopes: created.scopes, userId: ownerId, expiresAt: created.expiresAt } });
    return created;
  });
  return { ...view(row), token };
}

export async function revokeApiToken(ctx: RequestContext & { actor: Actor }, id: string): Promise<TokenView> {
  return db().$transaction(async (tx) => {
    const scope = requirePermission(ctx.actor, "token.manage");
    const existing = await tx.apiToken.findUnique({ where: { id }, select });
    // A token the actor may not manage answers exactly like one that does not exist.
    if (!existing || !inScope(ctx.actor, scope, { ownerId: existing.userId })) throw notFound("The API token");
    if (existing.revokedAt) throw new AppError("conflict", "The API token is already revoked.");
    const updated = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, select });
    await recordAudit(tx, ctx, { action: "token.revoked", entityType: "api_token", entityId: id, before: { revokedAt: null }, after: { revokedAt: updated.revokedAt } });
    return view(updated);
  });
}

/** Own tokens, or everyone's (optionally one user's) for admins; newest first, keyset-paged. */
export async function listApiTokens(actor: Actor, q: { userId?: string; cursor?: string; limit: number }): Promise<Page<TokenView>> {
  const scope = requirePermission(actor, "token.read");
  const userId = scope === "all" ? q.userId : actor.userId;
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await db().apiToken.findMany({
    where: {
      ...(userId ? { userId } : {}),
      ...(after ? { OR: [{ createdAt: { lt: new Date(after.k) } }, { createdAt: new Date(after.k), id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select,
  });
  const items = rows.slice(0, q.limit).map(view);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.createdAt, id: last.id }) : null };
}
