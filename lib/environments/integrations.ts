import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import { encryptSecret } from "@/lib/integrations/secrets";
import { parseInput } from "@/lib/promotions/parse";
import { secretContext } from "@/lib/promotions/execution/ports-for";
import { getEnvironmentByKey } from "@/lib/environments/environments";

export const SYSTEMS = ["lakefs", "mlflow", "airflow"] as const;
export const systemParams = z.object({ key: z.string().min(1), system: z.enum(SYSTEMS) });

/** One schema for the admin form and the API. The secret is write-only: omit it to keep the stored one. */
export const integrationInputSchema = z.object({
  baseUrl: z.string().trim().url("A URL such as http://lakefs:8000"),
  accessKeyId: z.string().trim().max(200).optional(),
  username: z.string().trim().max(200).optional(),
  airflowVersion: z.enum(["2", "3"]).optional(),
  secret: z.string().min(1).max(4000).optional(),
});
export type IntegrationInput = z.infer<typeof integrationInputSchema>;

export const integrationViewSchema = z.object({
  system: z.enum(SYSTEMS), baseUrl: z.string(), settings: z.record(z.string(), z.unknown()), hasSecret: z.boolean(),
  lastTestedAt: z.string().nullable(), lastTestOk: z.boolean().nullable(), lastTestMessage: z.string().nullable(), updatedAt: z.string(),
});

export async function listIntegrations(actor: Actor, envKey: string) {
  requirePermission(actor, "integration.manage");
  const env = await getEnvironmentByKey(db(), envKey);
  const rows = await db().integrationConfig.findMany({ where: { environmentId: env.id }, orderBy: { system: "asc" } });
  return rows.map((r) => ({
    system: r.system, baseUrl: r.baseUrl, settings: r.settings as Record<string, unknown>, hasSecret: !!r.secretCiphertext,
    lastTestedAt: r.lastTestedAt?.toISOString() ?? null, lastTestOk: r.lastTestOk, lastTestMessage: r.lastTestMessage, updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function saveIntegration(ctx: RequestContext & { actor: Actor }, envKey: string, system: (typeof SYSTEMS)[number], raw: IntegrationInput) {
  requirePermission(ctx.actor, "integration.manage");
  const input = parseInput(integrationInputSchema, raw);
  return db().$transaction(async (tx) => {
    const env = await getEnvironmentByKey(tx, envKey);
    const settings = system === "lakefs" ? { accessKeyId: input.accessKeyId ?? "" } : system === "airflow" ? { username: input.username ?? "", version: input.airflowVersion ?? "3" } : {};
    const before = await tx.integrationConfig.findUnique({ where: { environmentId_system: { environmentId: env.id, system } } });
    const secretCiphertext = input.secret ? encryptSecret(input.secret, secretContext(env.id, system)) : (before?.secretCiphertext ?? null);
    const row = await tx.integrationConfig.upsert({
      where: { environmentId_system: { environmentId: env.id, system } },
      create: { environmentId: env.id, system, baseUrl: input.baseUrl, settings, secretCiphertext, updatedById: ctx.actor.userId },
      update: { baseUrl: input.baseUrl, settings, secretCiphertext, updatedById: ctx.actor.userId, lastTestOk: null, lastTestMessage: null, lastTestedAt: null },
    });
    // The audit names that the secret changed, never its value.
    await recordAudit(tx, ctx, {
      action: "integration.saved", entityType: "environment", entityId: env.id,
      before: before ? { system, baseUrl: before.baseUrl, settings: before.settings as object, secret: before.secretCiphertext ? "set" : "none" } : null,
      after: { system, baseUrl: row.baseUrl, settings, secret: input.secret ? "changed" : secretCiphertext ? "set" : "none" },
    });
    return { system: row.system, baseUrl: row.baseUrl, settings, hasSecret: !!secretCiphertext };
  });
}
