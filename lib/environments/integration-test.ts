import "server-only";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import type { Environment, IntegrationConfig } from "@/lib/generated/prisma/client";
import { decryptSecret, SecretError } from "@/lib/integrations/secrets";
import { checkAirflow, checkLakefs, checkMlflow, type ConnectionCheck } from "@/lib/integrations/test-connection";
import { parseInput } from "@/lib/promotions/parse";
import { secretContext } from "@/lib/promotions/execution/ports-for";
import { getEnvironmentByKey } from "@/lib/environments/environments";
import { invalid, requireEncryptionKey, settingsOf } from "@/lib/environments/integrations";
import { integrationIssues, integrationTestSchema, type IntegrationCheckView, type IntegrationSystemName, type IntegrationTestInput } from "@/lib/environments/integration-schemas";

// "Test connection": one quick call against the system with the saved settings (the result is
// kept on the row and shown on the page) or with values typed into the form and not saved yet
// (a missing secret falls back to the stored one). The outside call runs outside any transaction.

interface Settings {
  baseUrl: string;
  settings: Record<string, string>;
  secret: string;
}

export async function testIntegration(ctx: RequestContext & { actor: Actor }, envKey: string, system: IntegrationSystemName, raw: IntegrationTestInput): Promise<IntegrationCheckView> {
  requirePermission(ctx.actor, "integration.manage");
  const input = parseInput(integrationTestSchema, raw);
  const env = await getEnvironmentByKey(db(), envKey);
  const row = await db().integrationConfig.findUnique({ where: { environmentId_system: { environmentId: env.id, system } } });
  let target: Settings;
  let storedSecretUnreadable: string | null = null;
  const stored = (): string => {
    if (!row?.secretCiphertext) return "";
    requireEncryptionKey();
    try {
      return decryptSecret(row.secretCiphertext, secretContext(env.id, system));
    } catch (e) {
      if (!(e instanceof SecretError)) throw e;
      storedSecretUnreadable = e.message;
      return "";
    }
  };
  if (input.draft) {
    const issues = integrationIssues(system, input.draft, !!row?.secretCiphertext);
    if (issues.length) throw invalid(issues);
    target = { baseUrl: input.draft.baseUrl, settings: settingsOf(system, input.draft), secret: input.draft.secret ?? (input.draft.clearSecret ? "" : stored()) };
  } else {
    if (!row) throw notFound(`The ${system} integration of environment "${envKey}" (save it first, or send the values to test as "draft")`);
    target = { baseUrl: row.baseUrl, settings: row.settings as Record<string, string>, secret: stored() };
  }
  const result: ConnectionCheck = storedSecretUnreadable
    ? { ok: false, kind: "rejected", message: storedSecretUnreadable }
    : await runCheck(env, system, target);
  const testedAt = new Date();
  await db().$transaction(async (tx) => {
    if (!input.draft && row) await recordResult(tx, row, result, testedAt);
    await recordAudit(tx, ctx, {
      action: "integration.tested",
      entityType: "environment",
      entityId: env.id,
      after: { system, tested: input.draft ? "draft" : "saved", baseUrl: target.baseUrl, ok: result.ok, kind: result.ok ? null : result.kind },
    });
  });
  return { ...result, tested: input.draft ? "draft" : "saved", testedAt: testedAt.toISOString() };
}

function runCheck(env: Environment, system: IntegrationSystemName, t: Settings): Promise<ConnectionCheck> {
  if (system === "lakefs") return checkLakefs({ endpoint: t.baseUrl, accessKeyId: t.settings.accessKeyId ?? "", secretAccessKey: t.secret }, { repository: env.lakefsRepository, branch: env.lakefsBranch });
  if (system === "mlflow") return checkMlflow({ trackingUri: t.baseUrl, token: t.secret || undefined });
  const auth = { endpoint: t.baseUrl, username: t.settings.username ?? "", password: t.secret };
  return checkAirflow(t.settings.version === "2" ? { version: 2, ...auth } : { version: 3, ...auth }, { dagId: env.airflowDagId });
}

async function recordResult(tx: Tx, row: IntegrationConfig, r: ConnectionCheck, at: Date) {
  const message = r.ok ? (r.warning ? `${r.message} Warning: ${r.warning}` : r.message) : r.message;
  // updateMany with the row's updatedAt: a save that happened while the test ran wins, and its
  // settings are not marked tested with the result of the old ones.
  await tx.integrationConfig.updateMany({
    where: { id: row.id, updatedAt: row.updatedAt },
    data: { lastTestedAt: at, lastTestOk: r.ok, lastTestMessage: message.slice(0, 1000), lastTestKind: r.ok ? null : r.kind, updatedAt: row.updatedAt },
  });
}
