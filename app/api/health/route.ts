import { handle } from "@/lib/http/handle";
import { healthEndpoint } from "@/lib/api/foundation-endpoints";

export const GET = handle(healthEndpoint, async () => ({ status: "ok" }));
