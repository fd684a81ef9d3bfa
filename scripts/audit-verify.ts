import { verifyAuditChain } from "@/lib/audit/verify";
import { scriptDatabaseUrl } from "@/lib/ops/local-data";

// Exit codes: 0 intact, 1 broken (names the first broken event), 2 no database.
const url = scriptDatabaseUrl();
const result = await verifyAuditChain(url);
if (result.ok) {
  console.log(`audit chain intact: ${result.events} events verified`);
} else {
  console.error(`audit chain BROKEN at event seq=${result.brokenSeq}: ${result.reason}`);
  process.exit(1);
}
