import { handle } from "@/lib/http/handle";
import { preMergeHookEndpoint } from "@/lib/api/promotions-endpoints";
import { auditLakefsRefusal, authenticateLakefs, decidePreMerge } from "@/lib/promotions/webhook";

// lakeFS is not a portal user: handle() checks its shared secret before reading the body, and
// every refused call (secret, body, schema) is audited like the decisions themselves.
export const POST = handle(preMergeHookEndpoint, ({ body, ctx }) => decidePreMerge(body, ctx.requestId), { authenticate: authenticateLakefs, onRefusal: auditLakefsRefusal });
