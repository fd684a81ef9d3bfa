import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

// A portal without LAKEFS_WEBHOOK_SECRET cannot tell lakeFS from anyone else: every merge into a
// protected branch stays refused (503, which lakeFS treats as a failed hook), and the call is
// audited. A file of its own: the environment is read once per process.
delete process.env.LAKEFS_WEBHOOK_SECRET;
const { POST } = await import("@/app/api/v1/hooks/lakefs/pre-merge/route");

describe("lakeFS pre-merge webhook without a configured secret", () => {
  it("answers 503 saying what to set, and audits the refusal", async () => {
    const requestId = `hook-unconfigured-${Date.now()}`;
    const res = await POST(
      new Request("http://127.0.0.1/api/v1/hooks/lakefs/pre-merge", { method: "POST", headers: { "content-type": "application/json", "x-request-id": requestId, "x-lakefs-webhook-secret": "anything" }, body: JSON.stringify({ event_type: "pre-merge", repository_id: "r", branch_id: "main", source_ref: "s" }) }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(503);
    expect((await res.json()).detail).toContain("LAKEFS_WEBHOOK_SECRET");
    const audit = await db().auditEvent.findMany({ where: { requestId } });
    expect(audit).toEqual([expect.objectContaining({ action: "lakefs_hook.refused", diff: expect.objectContaining({ after: expect.objectContaining({ reason: "no webhook secret configured" }) }) })]);
  });
});
