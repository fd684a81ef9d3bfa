import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { systemContext } from "@/lib/http/context";
import { seedIdentity } from "./seed/identity";
import { seedUseCases } from "./seed/use-cases";
import { seedCatalog } from "./seed/catalog";
import { seedPromotions } from "./seed/promotions";

// Demo data, loaded on first start and safe to run again: every step is an upsert
// or checks for what is already there. Areas add their seed step to STEPS.
const STEPS: { name: string; run: (db: PrismaClient) => Promise<void> }[] = [
  { name: "identity", run: seedIdentity },
  { name: "use-cases", run: seedUseCases },
  { name: "catalog", run: seedCatalog },
  { name: "promotions", run: seedPromotions },
];

export async function seed(databaseUrl: string): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    for (const step of STEPS) {
      await step.run(db);
      console.log(`seeded ${step.name}`);
    }
    const already = await db.auditEvent.findFirst({ where: { action: "seed.loaded" }, select: { seq: true } });
    if (!already) {
      await db.$transaction((tx) => recordAudit(tx, systemContext("seed"), { action: "seed.loaded", entityType: "system", entityId: "demo-data", after: { steps: STEPS.map((s) => s.name) } }));
    }
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // DATABASE_URL, or the embedded database of a running `npm start`.
  const { scriptDatabaseUrl } = await import("@/lib/ops/local-data");
  await seed(scriptDatabaseUrl());
}
