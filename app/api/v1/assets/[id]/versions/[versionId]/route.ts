import { handle } from "@/lib/http/handle";
import { getVersionEndpoint } from "@/lib/api/catalog-endpoints";
import { versionDetail } from "@/lib/catalog/detail";

export const GET = handle(getVersionEndpoint, async ({ ctx, params }) => {
  const { version, lineageRisk } = await versionDetail(ctx.actor, params.id, params.versionId);
  return { ...version, lineageRisk };
});
