import { handle } from "@/lib/http/handle";
import { listScoresEndpoint, submitScoreEndpoint } from "@/lib/api/use-case-endpoints";
import { getScores } from "@/lib/use-cases/score-view";
import { submitScore } from "@/lib/use-cases/scores";

export const GET = handle(listScoresEndpoint, ({ ctx, params }) => getScores(ctx.actor, params.id));
export const PUT = handle(submitScoreEndpoint, ({ ctx, params, body }) => submitScore(ctx, params.id, body));
