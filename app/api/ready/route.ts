import { handle } from "@/lib/http/handle";
import { readyEndpoint } from "@/lib/api/foundation-endpoints";
import { readiness } from "@/lib/ops/readiness";

export const GET = handle(readyEndpoint, async () => {
  const r = await readiness();
  return Response.json(r, { status: r.status === "ready" ? 200 : 503, headers: r.status === "ready" ? {} : { "retry-after": "5" } });
});
