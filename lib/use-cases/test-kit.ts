// Test-only helpers for use-case integration tests: a published rubric, an actor with
// an API token to call route handlers over HTTP, and a use case ready for review.
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/tokens";
import { ctxOf, makeActor, makeTeam, unique } from "@/lib/test/factories";
import type { Actor } from "@/lib/policy/actor";
import type { RoleName } from "@/lib/policy/permissions";
import { createRubric } from "@/lib/use-cases/rubrics";
import { DEFAULT_RUBRIC } from "@/lib/use-cases/default-rubric";
import { createUseCase } from "@/lib/use-cases/intake";
import { transitionUseCase } from "@/lib/use-cases/transition";
import type { CreateUseCaseInput } from "@/lib/use-cases/schemas";

/** Publishes the default rubric unless one is already current (tests may run in any order). */
export async function ensureRubric() {
  const current = await db().rubric.findFirst({ where: { publishedAt: { not: null } }, orderBy: { version: "desc" }, include: { criteria: true } });
  if (current) return current;
  const admin = await makeActor(["admin"]);
  await createRubric(ctxOf(admin), DEFAULT_RUBRIC, { publish: true });
  return (await db().rubric.findFirst({ where: { publishedAt: { not: null } }, orderBy: { version: "desc" }, include: { criteria: true } }))!;
}

export function fullIntake(teamId: string, over: Partial<CreateUseCaseInput> = {}): CreateUseCaseInput {
  return {
    title: unique("Churn predictor"), problem: "Customers leave without warning and retention offers arrive too late.", teamId,
    businessOwner: "Head of Retention", intendedUsers: "Retention agents", valueType: "revenue", valueLow: 200, valueHigh: 600,
    valueConfidence: "medium", successMetrics: "Churn down 2 points", dataNeeded: "CRM events, billing history", dataReadiness: 3,
    feasibility: 4, complexity: 2, targetDate: "2027-06-30", riskAnswers: { chatbot: false }, ...over,
  };
}

/** A team with an owner, two reviewers and an approver. */
export async function makeCast() {
  const team = await makeTeam();
  const owner = await makeActor(["product_owner"], [team.id]);
  const r1 = await makeActor(["reviewer"]);
  const r2 = await makeActor(["reviewer"]);
  const approver = await makeActor(["approver"]);
  return { team, owner, r1, r2, approver };
}

export async function submittedUseCase(owner: Actor, teamId: string, over: Partial<CreateUseCaseInput> = {}) {
  const uc = await createUseCase(ctxOf(owner), fullIntake(teamId, over));
  return transitionUseCase(ctxOf(owner), uc.id, { transition: "submit" });
}

export async function tokenFor(roles: RoleName[], teamIds: string[] = []) {
  const actor = await makeActor(roles, teamIds);
  const { token } = await createApiToken(ctxOf(actor), { name: "test", scopes: ["read", "use-cases:write", "admin"] });
  return { actor, token };
}

type Handler = (req: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler as the HTTP layer would, and returns status and parsed body. */
export async function call(handler: Handler, opts: { method?: string; path?: string; token: string; body?: unknown; params?: Record<string, string> }) {
  const req = new Request(`http://127.0.0.1${opts.path ?? "/api/v1/x"}`, {
    method: opts.method ?? (opts.body === undefined ? "GET" : "POST"),
    headers: { authorization: `Bearer ${opts.token}`, ...(opts.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, body: json as Record<string, unknown> & { errors?: { path: string; message: string }[] }, text, headers: res.headers };
}
