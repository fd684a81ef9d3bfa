import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { systemContext } from "@/lib/http/context";
import { unique } from "@/lib/test/factories";

describe("audit chain verification", () => {
  // seq is read back as text; ordering by that text once walked 1, 10, 11, ..., 2 and
  // reported a broken chain as soon as a database held ten events.
  it("walks the chain in numeric order past the tenth event, across pages", async () => {
    const id = unique("verify");
    for (let i = 0; i < 12; i++) {
      await db().$transaction(async (tx) => recordAudit(tx, systemContext("verify-test"), { action: "test.appended", entityType: "test", entityId: `${id}-${i}`, after: { i } }));
    }
    const result = await verifyAuditChain(process.env.DATABASE_URL!, 5);
    expect(result).toMatchObject({ ok: true });
    expect(result.events).toBeGreaterThanOrEqual(12);
  });
});
