import "server-only";
import { db } from "@/lib/db";
import { env as appEnv } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import type { IntegrationConfig } from "@/lib/generated/prisma/client";
import { encryptSecret } from "@/lib/integrations/secrets";
import { parseInput } from "@/lib/promotions/parse";
import { secretContext } from "@/lib/promotions/execution/ports-for";
import { getEnvironmentByKey } from "@/lib/environments/environments";
import {
  CHECK_FAILURES,
  integrationInputSchema,
  integrationIssues,
  type IntegrationInput,
  type IntegrationSystemName,
  type IntegrationView,
} from "@/lib/environments/integration-schemas";

// Per-environment connections to lakeFS, MLflow and Airflow. Secrets are encrypted at rest with a
// context that binds them to their environment and system, and never leave the server again: the
// view says only whether one is set and since when.

export { SYSTEMS, systemParams, integrationInputSchema, type IntegrationInput } from "@/lib/environments/integration-schemas";

type AdminCtx = RequestContext & { actor: Actor };

export function integrationView(r: IntegrationConfig, updatedBy: string | null): IntegrationView {
  const s = (r.settings ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof s[k] === "string" && s[k] ? (s[k] as string) : null);
  const kind = (CHECK_FAILURES as readonly (string | null)[]).includes(r.lastTestKind) ? (r.lastTestKind as (typeof CHECK_FAILURES)[number]) : null;
  return {
    system: r.system,
    baseUrl: r.baseUrl,
    accessKeyId: r.system === "lakefs" ? str("accessKeyId") : null,
    username: r.system === "airflow" ? str("username") : null,
    airflowVersion: r.system === "airflow" ? (str("version") === "2" ? "2" : "3") : null,
    secret: { set: !!r.secretCiphertext, setAt: r.secretCiphertext ? (r.secretSetAt ?? r.updatedAt).toISOString() : null },
    lastTest: r.lastTestedAt && r.lastTestOk !== null ? { at: r.lastTestedAt.toISOString(), ok: r.lastTestOk, message: r.lastTestMessage ?? "", kind } : null,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy,
  };
}

/** The environment's three connections as configured (a missing one is simply absent). */
export async function listIntegrations(actor: Actor, envKey: string): Promise<IntegrationView[]> {
  requirePermission(actor, "integration.manage");
  const env = await getEnvironmentByKey(db(), envKey);
  const rows = await db().integrationConfig.findMany({ where: { environmentId: env.id }, orderBy: { system: "asc" } });
  const ids = [...new Set(rows.map((r) => r.updatedById).filter((id): id is string => !!id))];
  const names = new Map((await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((r) => integrationView(r, r.updatedById ? (names.get(r.updatedById) ?? null) : null));
}

/** Secrets cannot be stored or read without ENCRYPTION_KEY: a 503 that says how to fix it, not a 500. */
export function requireEncryptionKey(): void {
  if (!appEnv().ENCRYPTION_KEY) {
    throw new AppError("unavailable", "The portal has no ENCRYPTION_KEY, so it cannot store or read integration secrets. Set ENCRYPTION_KEY (32+ random characters, e.g. `openssl rand -hex 32`) and restart; `npm start` generates one into .data/.");
  }
}

/** The non-secret settings each system keeps, from a validated input. */
export function settingsOf(system: IntegrationSystemName, input: IntegrationInput): Record<string, string> {
  if (system === "lakefs") return { accessKeyId: input.accessKeyId ?? "" };
  if (system === "airflow") return { username: input.username ?? "", version: input.airflowVersion ?? "3" };
  return {};
}

export function invalid(issues: { path: string; message: string }[]): AppError {
  return new AppError("validation", `The ${issues.map((i) => i.path).join(", ")} ${issues.length === 1 ? "field is" : "fields are"} not valid: ${issues.map((i) => i.message).join("; ")}.`, { errors: issues });
}

export async function saveIntegration(ctx: AdminCtx, envKey: string, system: IntegrationSystemName, raw: IntegrationInput): Promise<IntegrationView> {
  requirePermission(ctx.actor, "integration.manage");
  const input = parseInput(integrationInputSchema, raw);
  return db().$transaction(async (tx) => {
    const env = await getEnvironmentByKey(tx, envKey);
    // Row lock: two admins saving at once cannot interleave the secret and its date.
    await tx.$queryRaw`SELECT id FROM environments WHERE id = ${env.id}::uuid FOR UPDATE`;
    const before = await tx.integrationConfig.findUnique({ where: { environmentId_system: { environmentId: env.id, system } } });
    const issues = integrationIssues(system, input, !!before?.secretCiphertext);
    if (issues.length) throw invalid(issues);
    if (input.secret) requireEncryptionKey();
    const settings = settingsOf(system, input);
    const now = new Date();
    const secret = input.secret
      ? { secretCiphertext: encryptSecret(input.secret, secretContext(env.id, system)), secretSetAt: now }
      : input.clearSecret
        ? { secretCiphertext: null, secretSetAt: null }
        : { secretCiphertext: before?.secretCiphertext ?? null, secretSetAt: before?.secretSetAt ?? null };
    const row = await tx.integrationConfig.upsert({
      where: { environmentId_system: { environmentId: env.id, system } },
      create: { environmentId: env.id, system, baseUrl: input.baseUrl, settings, ...secret, updatedById: ctx.actor.userId },
      // A changed configuration has not been tested yet: the old result would mislead.
      update: { baseUrl: input.baseUrl, settings, ...secret, updatedById: ctx.actor.userId, lastTestOk: null, lastTestMessage: null, lastTestedAt: null, lastTestKind: null },
    });
    // The audit names whether the secret changed, never its value or ciphertext.
    await recordAudit(tx, ctx, {
      action: "integration.saved",
      entityType: "environment",
      entityId: env.id,
      before: before ? { system, baseUrl: before.baseUrl, settings: before.settings as object, secret: before.secretCiphertext ? "set" : "none" } : null,
      after: { system, baseUrl: row.baseUrl, settings, secret: input.secret ? "replaced" : input.clearSecret ? "cleared" : secret.secretCiphertext ? "kept" : "none" },
    });
    return integrationView(row, ctx.actor.name);
  });
}

/** Forgets an environment's connection to one system (demo mode then uses its built-in fake again). */
export async function removeIntegration(ctx: AdminCtx, envKey: string, system: IntegrationSystemName): Promise<void> {
  requirePermission(ctx.actor, "integration.manage");
  await db().$transaction(async (tx) => {
    const env = await getEnvironmentByKey(tx, envKey);
    const before = await tx.integrationConfig.findUnique({ where: { environmentId_system: { environmentId: env.id, system } } });
    if (!before) throw notFound(`The ${system} integration of environment "${envKey}"`);
    await tx.integrationConfig.delete({ where: { id: before.id } });
    await recordAudit(tx, ctx, { action: "integration.removed", entityType: "environment", entityId: env.id, before: { system, baseUrl: before.baseUrl, settings: before.settings as object }, after: null });
  });
}
