import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import { envKeyParams } from "@/lib/environments/schemas";
import { integrationCheckSchema, integrationInputSchema, integrationTestSchema, integrationViewSchema, systemParams } from "@/lib/environments/integration-schemas";

// The integrations admin page's API: per environment, the connection to lakeFS, MLflow and
// Airflow. Admin only (integration.manage); secrets are accepted, never returned.
const T = "Integrations";

export const listIntegrationsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/environments/{key}/integrations", tag: T, auth: "actor", permission: "integration.manage",
  summary: "An environment's lakeFS, MLflow and Airflow connections (secrets are never returned: only whether one is set and since when)",
  params: envKeyParams, response: z.object({ items: z.array(integrationViewSchema) }),
});
export const saveIntegrationEndpoint = defineEndpoint({
  method: "PUT", path: "/api/v1/environments/{key}/integrations/{system}", tag: T, auth: "actor", permission: "integration.manage",
  summary: "Configure one system for an environment; the secret is write-only (omit it to keep the stored one) and encrypted at rest",
  params: systemParams, body: integrationInputSchema, response: integrationViewSchema,
});
export const removeIntegrationEndpoint = defineEndpoint({
  method: "DELETE", path: "/api/v1/environments/{key}/integrations/{system}", tag: T, auth: "actor", permission: "integration.manage",
  summary: "Forget an environment's connection to one system", params: systemParams,
});
export const testIntegrationEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/environments/{key}/integrations/{system}/test", tag: T, auth: "actor", permission: "integration.manage",
  summary: "Test the saved connection (empty body) or unsaved values (draft): one quick call that says exactly what failed (DNS, refused, timeout, 401, 404, unexpected answer)",
  params: systemParams, body: integrationTestSchema, response: integrationCheckSchema,
});
