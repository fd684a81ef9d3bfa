import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import { pageSchema } from "@/lib/http/cursor";
import { environmentInputSchema, environmentSchema, environmentUpdateSchema, envKeyParams, policyHistoryItemSchema, policyInputSchema, policySchema } from "@/lib/environments/schemas";
import { decisionSchema, idParams, listPromotionsQuery, promotionDetailSchema, promotionSummarySchema, requestPromotionSchema, rollbackSchema } from "@/lib/promotions/schemas";
import { asOfQuery } from "@/lib/promotions/dashboard";
import { inboxQuery } from "@/lib/promotions/inbox";
import { matrixQuery } from "@/lib/promotions/matrix";
import { preMergeAnswerSchema, preMergePayloadSchema } from "@/lib/promotions/webhook";

const T = "Promotions";
const E = "Environments";
const stateAnswer = z.object({ state: z.string() });

export const listEnvironmentsEndpoint = defineEndpoint({ method: "GET", path: "/api/v1/environments", tag: E, auth: "actor", permission: "environment.read", summary: "Environments in promotion order, each with its current policy", response: z.object({ items: z.array(environmentSchema) }) });
export const createEnvironmentEndpoint = defineEndpoint({ method: "POST", path: "/api/v1/environments", tag: E, auth: "actor", permission: "environment.manage", summary: "Create an environment mapped to a lakeFS branch, an MLflow alias and an Airflow deploy DAG", body: environmentInputSchema, successStatus: 201 });
export const updateEnvironmentEndpoint = defineEndpoint({ method: "PATCH", path: "/api/v1/environments/{key}", tag: E, auth: "actor", permission: "environment.manage", summary: "Change an environment's mapping", params: envKeyParams, body: environmentUpdateSchema });
export const listPoliciesEndpoint = defineEndpoint({ method: "GET", path: "/api/v1/environments/{key}/policies", tag: E, auth: "actor", permission: "environment.read", summary: "Every version of an environment's policy, newest first, with who published it and how many promotions it judged", params: envKeyParams, response: z.object({ items: z.array(policyHistoryItemSchema) }) });
export const publishPolicyEndpoint = defineEndpoint({ method: "POST", path: "/api/v1/environments/{key}/policies", tag: E, auth: "actor", permission: "environment.manage", summary: "Publish the next version of an environment's policy", params: envKeyParams, body: policyInputSchema, response: policySchema, successStatus: 201 });

export const listPromotionsEndpoint = defineEndpoint({ method: "GET", path: "/api/v1/promotions", tag: T, auth: "actor", permission: "promotion.read", summary: "Promotions, newest first, by state and environment", query: listPromotionsQuery, response: pageSchema(promotionSummarySchema) });
export const requestPromotionEndpoint = defineEndpoint({ method: "POST", path: "/api/v1/promotions", tag: T, auth: "actor", permission: "promotion.request", summary: "Request a promotion; gates run at once; submitted unless a gate blocks or submit is false", body: requestPromotionSchema, response: promotionDetailSchema, successStatus: 201 });
export const getPromotionEndpoint = defineEndpoint({ method: "GET", path: "/api/v1/promotions/{id}", tag: T, auth: "actor", permission: "promotion.read", summary: "A promotion with gates, approvals, steps and timeline", params: idParams, response: promotionDetailSchema });
export const submitPromotionEndpoint = defineEndpoint({ method: "POST", path: "/api/v1/promotions/{id}/submit", tag: T, auth: "actor", permission: "promotion.request", summary: "Submit a draft (again) for approval; gates run afresh", params: idParams, response: promotionDetailSchema });
export const cancelPromotionEndpoint = defineEndpoint({ method: "POST", path: "/api/v1/promotions/{id}/cancel", tag: T, auth: "actor", permission: "promotion.cancel", summary: "Cancel a request before execution", params: idParams, response: promotionDetailSchema });
export const decidePromotionEndpoint = defineEndpoint({ method: "POST", path: "/api/v1/promotions/{id}/decisions", tag: T, auth: "actor", permission: "promotion.approve", summary: "Approve, reject or request changes (on a promotion or its rollback)", params: idParams, body: decisionSchema, response: z.object({ state: z.string(), approvals: z.number(), required: z.number() }) });
export const rollbackPromotionEndpoint = defineEndpoint({ method: "POST", path: "/api/v1/promotions/{id}/rollback", tag: T, auth: "actor", permission: "promotion.rollback", summary: "Roll back a succeeded promotion in one step (subject to the rollback policy)", params: idParams, body: rollbackSchema, response: stateAnswer, successStatus: 202 });
export const inboxEndpoint = defineEndpoint({ method: "GET", path: "/api/v1/approvals/inbox", tag: T, auth: "actor", permission: "promotion.approve", summary: "Promotions and rollbacks waiting for a decision, oldest first, keyset-paged (cursor, limit 1-100, default 25), with diffs against what runs now; show=decide (default) keeps what the caller may decide now, show=visible everything waiting they may see; use cases waiting for review come with the first page", query: inboxQuery });
export const matrixEndpoint = defineEndpoint({ method: "GET", path: "/api/v1/delivery/matrix", tag: T, auth: "actor", permission: "promotion.read", summary: "Which version of each model runs in each environment, since when, by which promotion, with drift flags; models by name, keyset-paged (cursor, limit 1-200, default 50), filtered by owning team, name (q) and drift=only", query: matrixQuery });
export const metricsEndpoint = defineEndpoint({ method: "GET", path: "/api/v1/delivery/metrics", tag: T, auth: "actor", permission: "promotion.read", summary: "DORA-style delivery metrics per week" });
export const asOfEndpoint = defineEndpoint({ method: "GET", path: "/api/v1/delivery/as-of", tag: T, auth: "actor", permission: "promotion.read", summary: "The deployments in an environment at a past moment, newest first, keyset-paged (cursor, limit 1-200, default 50), with data commits and approvals", query: asOfQuery });
export const preMergeHookEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/hooks/lakefs/pre-merge", tag: T, auth: "public",
  summary: "lakeFS pre-merge / pre-revert webhook: 200 only for the merge of an approved, executing promotion or the revert of an approved rollback (or a failed execution's undo); shared secret in X-Lakefs-Webhook-Secret; every call audited",
  body: preMergePayloadSchema, response: preMergeAnswerSchema,
});
