import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import { pageSchema } from "@/lib/http/cursor";
import { rubricInputSchema } from "@/lib/use-cases/rubric-schemas";
import { commentSchema, createUseCaseSchema, idParams, listCommentsQuery, listUseCasesQuery, overrideTierSchema, submitScoreSchema, transitionSchema, updateUseCaseSchema } from "@/lib/use-cases/schemas";
import { oversightPlanSchema } from "@/lib/use-cases/oversight-schema";
import { commentViewSchema, portfolioSummarySchema, rubricSchema, scoresViewSchema, useCaseDetailSchema, useCaseSummarySchema } from "@/lib/use-cases/views";

const TAG = "Use cases";

export const listUseCasesEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/use-cases", tag: TAG, auth: "actor", permission: "usecase.read",
  summary: "The portfolio: full-text search, filters, sorting by priority or date, keyset pages", query: listUseCasesQuery, response: pageSchema(useCaseSummarySchema),
});
export const exportUseCasesEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/use-cases/export", tag: TAG, auth: "actor", permission: "usecase.read",
  summary: "The current filter as CSV (text/csv, streamed)", query: listUseCasesQuery.omit({ cursor: true, limit: true }),
});
export const createUseCaseEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/use-cases", tag: TAG, auth: "actor", permission: "usecase.create",
  summary: "Create a use case as a draft (the intake's first step is required; the rest may follow)", body: createUseCaseSchema, response: useCaseDetailSchema, successStatus: 201,
});
export const getUseCaseEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/use-cases/{id}", tag: TAG, auth: "actor", permission: "usecase.read",
  summary: "A use case with its risk screening, timeline and the transitions the caller may make", params: idParams, response: useCaseDetailSchema,
});
export const updateUseCaseEndpoint = defineEndpoint({
  method: "PATCH", path: "/api/v1/use-cases/{id}", tag: TAG, auth: "actor", permission: "usecase.create",
  summary: "Save a draft (or a use case sent back for changes)", params: idParams, body: updateUseCaseSchema, response: useCaseDetailSchema,
});
export const transitionUseCaseEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/use-cases/{id}/transitions", tag: TAG, auth: "actor", permission: "usecase.read",
  summary: "Move a use case through its lifecycle; 409 with allowedNextStates when the move is illegal", params: idParams, body: transitionSchema, response: useCaseDetailSchema,
});
export const overrideTierEndpoint = defineEndpoint({
  method: "PUT", path: "/api/v1/use-cases/{id}/risk-tier", tag: TAG, auth: "actor", permission: "usecase.review",
  summary: "Override the screened risk tier with a written reason (reviewers)", params: idParams, body: overrideTierSchema, response: useCaseDetailSchema,
});
export const oversightPlanEndpoint = defineEndpoint({
  method: "PUT", path: "/api/v1/use-cases/{id}/oversight-plan", tag: TAG, auth: "actor", permission: "usecase.create",
  summary: "Document the human-oversight plan (any open state; high-risk use cases need one before their models are promoted)", params: idParams, body: oversightPlanSchema, response: useCaseDetailSchema,
});
export const listScoresEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/use-cases/{id}/scores", tag: TAG, auth: "actor", permission: "usecase.read",
  summary: "Scores, their aggregate and the priority's explanation (hidden from a reviewer until they score)", params: idParams, response: scoresViewSchema,
});
export const submitScoreEndpoint = defineEndpoint({
  method: "PUT", path: "/api/v1/use-cases/{id}/scores", tag: TAG, auth: "actor", permission: "usecase.score",
  summary: "Submit or revise the caller's own score under the current rubric", params: idParams, body: submitScoreSchema, response: scoresViewSchema,
});
export const listCommentsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/use-cases/{id}/comments", tag: TAG, auth: "actor", permission: "usecase.read",
  summary: "Comments and change requests, oldest first, keyset-paged", params: idParams, query: listCommentsQuery, response: pageSchema(commentViewSchema),
});
export const addCommentEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/use-cases/{id}/comments", tag: TAG, auth: "actor", permission: "usecase.comment",
  summary: "Comment on a use case; @name.surname mentions a user by e-mail", params: idParams, body: commentSchema, response: commentViewSchema, successStatus: 201,
});
export const listRubricsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/rubrics", tag: "Rubrics", auth: "actor", permission: "rubric.read",
  summary: "Rubric versions, newest first (drafts for admins only)", response: z.object({ items: z.array(rubricSchema) }),
});
export const createRubricEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/rubrics", tag: "Rubrics", auth: "actor", permission: "rubric.manage",
  summary: "Create a new draft rubric version", body: rubricInputSchema, response: rubricSchema, successStatus: 201,
});
export const updateRubricEndpoint = defineEndpoint({
  method: "PUT", path: "/api/v1/rubrics/{id}", tag: "Rubrics", auth: "actor", permission: "rubric.manage",
  summary: "Replace a draft rubric's criteria (published versions are frozen)", params: idParams, body: rubricInputSchema, response: rubricSchema,
});
export const publishRubricEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/rubrics/{id}/publish", tag: "Rubrics", auth: "actor", permission: "rubric.manage",
  summary: "Publish a draft: new scores use it, past scores keep their version and priority", params: idParams, response: rubricSchema,
});
export const portfolioSummaryEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/portfolio/summary", tag: "Portfolio", auth: "actor", permission: "portfolio.read",
  summary: "The leadership dashboard's figures, one SQL aggregate per chart", response: portfolioSummarySchema,
});
