import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase, type BenchDatabase } from "@/bench/lib/database";
import { db } from "@/lib/db";
import { requestPromotion } from "@/lib/promotions/request";
import { ctxOf, makeActor } from "@/lib/test/factories";
import { portalPort } from "./support/ports";
import { auditVerify, say, startPortal, type Portal } from "./support/portal";
import { DAG, killWorkers, promotionWorld, startWorker, tokenFor, until, useDatabase, type PromotionWorld } from "./support/promotion-world";

// 50 approvers press "approve" on the same promotion at the same moment, through the
// REST API of the production server, while two workers wait for approved promotions.
// Exactly the policy's number of approvals may be counted, the promotion approved
// once, executed once (one merge, one alias move, one DAG run), and every other
// approver told 409 (already decided) — never a 500, never a half-written approval.

const T = "50 concurrent approvers on one promotion";
const APPROVERS = 50;
const REQUIRED = 3;

describe("fault: 50 concurrent approvers on one promotion", () => {
  let database: BenchDatabase | undefined;
  let world: PromotionWorld | undefined;
  let portal: Portal | undefined;
  afterAll(async () => {
    await killWorkers();
    await portal?.stop();
    await world?.stop();
    await db().$disconnect();
    await database?.drop();
  });

  it("counts exactly the required approvals and executes once", async () => {
    database = await freshDatabase("faults_approvers");
    useDatabase(database.url);
    world = await promotionWorld({ requiredApprovals: REQUIRED });
    const { lakefs, mlflow, airflow } = world;
    const m = await world.newModel();
    const id = await requestPromotion(ctxOf(m.owner), { modelVersionId: m.versionIds[0]!, environment: world.env.key, strategy: "direct", strategyConfig: {}, justification: "Promote the tuned churn model.", submit: true, sourceRef: "staging" });
    const tokens = await Promise.all(Array.from({ length: APPROVERS }, async () => tokenFor((await makeActor(["approver"])).userId)));
    portal = await startPortal(portalPort(3), database.url);
    startWorker(database.url);
    startWorker(database.url);
    say(T, `promotion ${id} waits for ${REQUIRED} approvals; ${APPROVERS} approvers with API tokens; portal and two workers running`);

    // Every request is sent before any answer is read.
    const answers = await Promise.all(tokens.map(async (token) => {
      const res = await fetch(`${portal!.url}/api/v1/promotions/${id}/decisions`, {
        method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ decision: "approve" }),
        signal: AbortSignal.timeout(60_000),
      });
      return { status: res.status, body: (await res.json()) as { state?: string; approvals?: number; message?: string; error?: string } };
    }));
    const byStatus: Record<number, number> = {};
    for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    say(T, `${APPROVERS} approvals sent at once: answers ${JSON.stringify(byStatus)}`);
    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(ok).toHaveLength(REQUIRED);
    expect(ok.map((a) => a.body.approvals).sort()).toEqual([1, 2, 3]);
    expect(ok.filter((a) => a.body.state === "approved")).toHaveLength(1);
    expect(refused.every((a) => a.status === 409), JSON.stringify(refused.find((a) => a.status !== 409))).toBe(true);

    const approvals = await db().promotionApproval.findMany({ where: { promotionId: id } });
    expect(approvals).toHaveLength(REQUIRED);
    expect(new Set(approvals.map((a) => a.reviewerId)).size).toBe(REQUIRED);
    const audit = await db().auditEvent.count({ where: { entityId: id, action: "promotion.approve" } });
    expect(audit).toBe(REQUIRED);
    const queued = await db().outboxMessage.count({ where: { payload: { path: ["promotionId"], equals: id } } });
    expect(queued).toBe(1);
    say(T, `checked: ${REQUIRED} approval rows from ${REQUIRED} different approvers, ${REQUIRED} approval audit events, the answers counted 1, 2, 3 and exactly one said "approved"; one execution queued; the other ${refused.length} got 409`);

    const done = await until("the promotion to finish", async () => {
      const p = await db().promotion.findUniqueOrThrow({ where: { id } });
      return ["succeeded", "failed"].includes(p.state) ? p : null;
    });
    expect(done.state).toBe("succeeded");
    expect(lakefs.merges).toHaveLength(1);
    expect(mlflow.aliasMoves).toHaveLength(1);
    expect(airflow.runsOf(DAG)).toHaveLength(1);
    const executions = await db().promotionEvent.count({ where: { promotionId: id, kind: "state", message: { startsWith: "Execution started" } } });
    expect(executions).toBe(1);
    say(T, "checked: executed once by the two workers: succeeded, 1 merge, 1 alias move, 1 DAG run, one 'Execution started' on the timeline");

    await portal.stop();
    portal = undefined;
    say(T, auditVerify(database.url));
  });
});
