import { verifyAuditChain } from "@/lib/audit/verify";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: point it at the portal's database.");
  process.exit(2);
}
const result = await verifyAuditChain(url);
if (result.ok) {
  console.log(`audit chain intact: ${result.events} events verified`);
} else {
  console.error(`audit chain BROKEN at event seq=${result.brokenSeq}: ${result.reason}`);
  process.exit(1);
}
