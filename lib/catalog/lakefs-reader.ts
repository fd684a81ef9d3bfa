import "server-only";
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/integrations/secrets";
import { createLakefsClient, type LakefsClient } from "@/lib/integrations/lakefs/client";
import { secretContext } from "@/lib/promotions/execution/ports-for";

// Which configured lakeFS server the catalog reads a repository from. Integrations are set
// per environment; one lakeFS server usually holds every repository, so the catalog takes the
// integration of an environment that names this repository, else any configured one (the
// lowest environment first, the same one every time).

export interface LakefsReader { client: LakefsClient; endpoint: string; environment: string }

/** A page waits for lakeFS at most this long: a short timeout and one retry, then it says why. */
const PAGE_READ = { timeoutMs: 4_000, retry: { maxAttempts: 2, baseDelayMs: 200, budgetMs: 6_000 } };

export async function lakefsReaderFor(repository: string): Promise<LakefsReader | null> {
  const rows = await db().integrationConfig.findMany({
    where: { system: "lakefs" },
    select: { baseUrl: true, settings: true, secretCiphertext: true, environmentId: true, environment: { select: { key: true, rank: true, lakefsRepository: true } } },
  });
  if (rows.length === 0) return null;
  const row = [...rows].sort((a, b) =>
    Number(b.environment.lakefsRepository === repository) - Number(a.environment.lakefsRepository === repository) ||
    a.environment.rank - b.environment.rank || a.environment.key.localeCompare(b.environment.key))[0]!;
  const accessKeyId = String((row.settings as Record<string, unknown> | null)?.accessKeyId ?? "");
  const secretAccessKey = row.secretCiphertext ? decryptSecret(row.secretCiphertext, secretContext(row.environmentId, "lakefs")) : "";
  return {
    client: createLakefsClient({ endpoint: row.baseUrl, accessKeyId, secretAccessKey }, PAGE_READ),
    endpoint: row.baseUrl,
    environment: row.environment.key,
  };
}
