import { handle } from "@/lib/http/handle";
import { listPoliciesEndpoint, publishPolicyEndpoint } from "@/lib/api/promotions-endpoints";
import { listPolicyVersions, publishPolicy } from "@/lib/environments/policies";

export const GET = handle(listPoliciesEndpoint, async ({ ctx, params }) => ({ items: await listPolicyVersions(ctx.actor, params.key) }));
export const POST = handle(publishPolicyEndpoint, ({ ctx, params, body }) => publishPolicy(ctx, params.key, body));
