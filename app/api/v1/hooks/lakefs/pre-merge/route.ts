import { errorResponse } from "@/lib/http/handle";
import { readJsonBody } from "@/lib/http/read-body";
import { requestIdOf } from "@/lib/http/request-id";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { preMergeHookEndpoint } from "@/lib/api/promotions-endpoints";
import { handlePreMerge, presentedSecret } from "@/lib/promotions/webhook";

// lakeFS is not a portal user: it authenticates with the shared secret, checked before
// the body is read, so this route does not go through handle()'s session lookup.
export async function POST(req: Request): Promise<Response> {
  const requestId = requestIdOf(req);
  let res: Response;
  try {
    const secret = presentedSecret(req.headers);
    const configured = env().LAKEFS_WEBHOOK_SECRET;
    const body = secret && configured ? await readJsonBody(req, env().MAX_BODY_BYTES).catch(() => ({ unreadable: true })) : undefined;
    const answer = await handlePreMerge(secret, configured, body, requestId);
    res = Response.json(answer, { headers: { "x-request-id": requestId } });
  } catch (e) {
    res = errorResponse(e, requestId, preMergeHookEndpoint);
  }
  log.info({ requestId, method: "POST", path: preMergeHookEndpoint.path, status: res.status, via: "lakefs-webhook" }, "request");
  return res;
}
