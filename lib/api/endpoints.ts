import type { Endpoint } from "@/lib/http/endpoint";
import * as foundation from "@/lib/api/foundation-endpoints";
import * as catalog from "@/lib/api/catalog-endpoints";
import * as lineage from "@/lib/api/lineage-endpoints";
import * as useCases from "@/lib/api/use-case-endpoints";
import * as promotions from "@/lib/api/promotions-endpoints";
import * as notifications from "@/lib/api/notification-endpoints";
import * as integrations from "@/lib/api/integration-endpoints";

// Every endpoint of the API, in one list: the OpenAPI document and the authorization
// matrix test are generated from it. An area adds its module here.
export const ENDPOINTS: Endpoint[] = [
  ...Object.values(foundation),
  ...Object.values(catalog),
  ...Object.values(lineage),
  ...Object.values(useCases),
  ...Object.values(promotions),
  ...Object.values(notifications),
  ...Object.values(integrations),
] as Endpoint[];
