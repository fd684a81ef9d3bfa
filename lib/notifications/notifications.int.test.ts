import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ctxOf, makeActor, makeTeam } from "@/lib/test/factories";
import * as listRoute from "@/app/api/v1/notifications/route";
import * as readRoute from "@/app/api/v1/notifications/read/route";
import { listNotifications, markRead } from "@/lib/notifications/inbox";
import { addComment } from "@/lib/use-cases/comments";
import { submitScore } from "@/lib/use-cases/scores";
import { transitionUseCase } from "@/lib/use-cases/transition";
import { call, ensureRubric, makeCast, submittedUseCase, tokenFor } from "@/lib/use-cases/test-kit";

const handle = (a: { email: string }) => `@${a.email.split("@")[0]}`;
const all = { limit: 20 } as const;

describe("notifications", () => {
  beforeAll(async () => {
    await ensureRubric();
  });

  it("notifies each @mentioned person who may read the use case, never the author, never someone who may not read it", async () => {
    const { team, owner, r1 } = await makeCast();
    const outsider = await makeActor(["product_owner"], [(await makeTeam()).id]);
    const uc = await submittedUseCase(owner, team.id);
    const c = await addComment(ctxOf(owner), uc.id, { body: `${handle(r1)} ${handle(outsider)} ${handle(owner)} please check the value range.` });
    // The outsider's handle stays plain text; the author's own is recorded but not notified.
    expect(c.mentions.map((m) => m.id).sort()).toEqual([r1.userId, owner.userId].sort());

    const inbox = await listNotifications(r1, all);
    expect(inbox).toMatchObject({ unreadCount: 1, items: [{ kind: "mention", useCaseId: uc.id, useCaseTitle: uc.title, actorName: owner.name, readAt: null }] });
    expect(inbox.items[0]!.excerpt).toContain("please check the value range.");
    expect(await db().notification.count({ where: { useCaseId: uc.id, recipientId: { in: [owner.userId, outsider.userId] } } })).toBe(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: uc.id, action: "use_case.commented" } });
    expect(audit.diff).toMatchObject({ after: { notified: [r1.userId] } });
  });

  it("sends a reviewer's change request to the owner with the note, and a refused one sends nothing", async () => {
    const { team, owner, r1, r2 } = await makeCast();
    const uc = await submittedUseCase(owner, team.id);
    await expect(transitionUseCase(ctxOf(r1), uc.id, { transition: "request_changes", note: " " })).rejects.toMatchObject({ code: "validation" });
    expect(await db().notification.count({ where: { useCaseId: uc.id } })).toBe(0);

    await transitionUseCase(ctxOf(r1), uc.id, { transition: "request_changes", note: `Quantify the value range; ${handle(r2)} knows the pricing data.` });
    expect((await listNotifications(owner, all)).items).toMatchObject([{ kind: "change_request", useCaseId: uc.id, actorName: r1.name, excerpt: expect.stringContaining("Quantify the value range") }]);
    expect((await listNotifications(r2, all)).items).toMatchObject([{ kind: "mention", useCaseId: uc.id }]);
    expect(await db().notification.count({ where: { useCaseId: uc.id } })).toBe(2);
  });

  it("tells the owner of the decision: approved for build with what was decided, rejected with the reason; the decider is not notified", async () => {
    const { team, owner, r1, r2, approver } = await makeCast();
    const approved = await submittedUseCase(owner, team.id);
    await transitionUseCase(ctxOf(r1), approved.id, { transition: "start_review" });
    for (const r of [r1, r2]) await submitScore(ctxOf(r), approved.id, { values: { impact: 4, feasibility: 4, data_readiness: 3, complexity: 2, risk: 2 }, note: "" });
    await transitionUseCase(ctxOf(approver), approved.id, { transition: "approve" });
    const rejected = await submittedUseCase(owner, team.id);
    await transitionUseCase(ctxOf(approver), rejected.id, { transition: "reject", note: "Duplicates the churn model we already run." });

    expect((await listNotifications(owner, all)).items).toMatchObject([
      { kind: "rejected", useCaseId: rejected.id, actorName: approver.name, excerpt: "Duplicates the churn model we already run." },
      { kind: "approved", useCaseId: approved.id, actorName: approver.name, excerpt: "Approved for build." },
    ]);
    expect(await db().notification.count({ where: { useCaseId: { in: [approved.id, rejected.id] }, recipientId: { not: owner.userId } } })).toBe(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: rejected.id, action: "use_case.reject" } });
    expect(audit.diff).toMatchObject({ after: { state: "rejected", notified: [owner.userId] } });
  });

  it("pages newest first, filters unread, marks read by id or all, and refuses another person's notification with 404", async () => {
    const { team, owner, r1, r2 } = await makeCast();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const uc = await submittedUseCase(owner, team.id);
      await addComment(ctxOf(owner), uc.id, { body: `${handle(r1)} look at number ${i}` });
      ids.push(uc.id);
    }
    const first = await listNotifications(r1, { limit: 2 });
    const second = await listNotifications(r1, { limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((n) => n.useCaseId)).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();

    const newest = first.items[0]!;
    await expect(markRead(ctxOf(r2), { ids: [newest.id] })).rejects.toMatchObject({ code: "not_found" });
    expect(await db().notification.findUniqueOrThrow({ where: { id: newest.id } })).toMatchObject({ readAt: null });

    expect(await markRead(ctxOf(r1), { ids: [newest.id, newest.id] })).toEqual({ updated: 1, unreadCount: 2 });
    expect((await listNotifications(r1, { limit: 20, unread: "true" })).items.map((n) => n.useCaseId)).toEqual([ids[1], ids[0]]);
    expect(await markRead(ctxOf(r1), { all: true })).toEqual({ updated: 2, unreadCount: 0 });
    expect((await listNotifications(r1, { limit: 20, unread: "true" })).items).toEqual([]);
  });

  it("stops showing a use case's notifications to someone who may no longer read it", async () => {
    const { team, owner, r1 } = await makeCast();
    const colleague = await makeActor(["product_owner"], [team.id]);
    const uc = await submittedUseCase(owner, team.id);
    await addComment(ctxOf(r1), uc.id, { body: `${handle(colleague)} FYI` });
    expect((await listNotifications(colleague, all)).unreadCount).toBe(1);
    const movedAway = { ...colleague, teamIds: [] };
    expect(await listNotifications(movedAway, all)).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
  });

  it("answers precise 4xx over HTTP for bad input and changes nothing", async () => {
    const { actor, token } = await tokenFor(["reviewer"]);
    const { team, owner } = await makeCast();
    const uc = await submittedUseCase(owner, team.id);
    await addComment(ctxOf(owner), uc.id, { body: `${handle(actor)} hello` });
    const cases: [unknown, number, string][] = [
      [{}, 422, "ids"],
      [{ ids: [randomUUID()], all: true }, 422, "ids"],
      [{ ids: [] }, 422, "ids"],
      [{ ids: ["nope"] }, 422, "ids.0"],
      [{ all: false }, 422, "all"],
      [{ ids: [randomUUID()] }, 404, ""],
    ];
    for (const [body, status, path] of cases) {
      const res = await call(readRoute.POST, { token, body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (path) expect(res.body.errors!.map((e) => e.path), JSON.stringify(body)).toContain(path);
    }
    expect((await call(listRoute.GET, { token, path: "/api/v1/notifications?unread=maybe" })).status).toBe(422);
    expect((await call(listRoute.GET, { token, path: "/api/v1/notifications?cursor=garbage" })).status).toBe(422);
    const page = await call(listRoute.GET, { token, path: "/api/v1/notifications?unread=true" });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ unreadCount: 1 });
  });
});
