import { z } from "zod";

// One schema for the integrations admin form, the API and the service. The secret (lakeFS secret
// access key, MLflow token, Airflow password) is write-only: it is accepted here and never part of
// any answer; leaving it out keeps the stored one.

export const SYSTEMS = ["lakefs", "mlflow", "airflow"] as const;
export type IntegrationSystemName = (typeof SYSTEMS)[number];

export const SYSTEM_NAMES: Record<IntegrationSystemName, string> = { lakefs: "lakeFS", mlflow: "MLflow", airflow: "Airflow" };
export const SECRET_LABELS: Record<IntegrationSystemName, string> = { lakefs: "Secret access key", mlflow: "Token", airflow: "Password" };

export const systemParams = z.object({ key: z.string().min(1).max(64), system: z.enum(SYSTEMS) });

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .url("A URL such as http://lakefs:8000")
  .refine((u) => /^https?:\/\//i.test(u), "Use an http:// or https:// URL");

export const integrationInputSchema = z
  .object({
    baseUrl: httpUrl.describe("lakeFS server root, MLflow tracking URI or Airflow webserver URL"),
    accessKeyId: z.string().trim().min(1, "Enter the access key id").max(200).optional().describe("lakeFS only"),
    username: z.string().trim().min(1, "Enter the user name").max(200).optional().describe("Airflow only"),
    airflowVersion: z.enum(["2", "3"]).optional().describe("Airflow only: 2 (/api/v1, basic auth) or 3 (/api/v2, JWT from /auth/token)"),
    secret: z.string().min(1, "Enter the secret, or leave it out to keep the stored one").max(4000).optional().describe("Write-only; omit to keep the stored secret"),
    clearSecret: z.boolean().optional().describe("MLflow only: forget the stored token (a tracking server without authentication)"),
  })
  .strict()
  .meta({ id: "IntegrationInput" });
export type IntegrationInput = z.infer<typeof integrationInputSchema>;

export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * What each system needs beyond the common shape. `hasStoredSecret` says whether leaving the
 * secret out is allowed (it keeps the stored one). Used by the form before sending and by the service.
 */
export function integrationIssues(system: IntegrationSystemName, input: IntegrationInput, hasStoredSecret: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const not = (field: keyof IntegrationInput, what: string) => input[field] !== undefined && issues.push({ path: field, message: `${SYSTEM_NAMES[system]} takes no ${what}` });
  const needSecret = () => !input.secret && !hasStoredSecret && issues.push({ path: "secret", message: `Enter the ${SECRET_LABELS[system].toLowerCase()}: none is stored yet` });
  if (system === "lakefs") {
    if (!input.accessKeyId) issues.push({ path: "accessKeyId", message: "Enter the access key id" });
    not("username", "user name");
    not("airflowVersion", "Airflow version");
    needSecret();
  } else if (system === "airflow") {
    if (!input.airflowVersion) issues.push({ path: "airflowVersion", message: "Pick Airflow 2 or 3" });
    if (!input.username) issues.push({ path: "username", message: "Enter the user name" });
    not("accessKeyId", "access key id");
    needSecret();
  } else {
    not("accessKeyId", "access key id");
    not("username", "user name");
    not("airflowVersion", "Airflow version");
  }
  if (input.clearSecret && system !== "mlflow") issues.push({ path: "clearSecret", message: `${SYSTEM_NAMES[system]} cannot work without its ${SECRET_LABELS[system].toLowerCase()}; replace it instead` });
  if (input.clearSecret && input.secret) issues.push({ path: "clearSecret", message: "Either enter a new token or clear it, not both" });
  return issues;
}

/** Test a saved configuration (empty body), or values from the form before saving them. */
export const integrationTestSchema = z
  .object({ draft: integrationInputSchema.optional().describe("Unsaved values to test; a missing secret falls back to the stored one") })
  .strict()
  .meta({ id: "IntegrationTestInput" });
export type IntegrationTestInput = z.infer<typeof integrationTestSchema>;

export const CHECK_FAILURES = ["dns", "refused", "unreachable", "timeout", "unauthorized", "forbidden", "not_found", "unexpected_response", "server_error", "rejected"] as const;

/** Short labels for the page, beside the full sentence. */
export const CHECK_FAILURE_LABELS: Record<(typeof CHECK_FAILURES)[number], string> = {
  dns: "Host name does not resolve (DNS)",
  refused: "Connection refused",
  unreachable: "Connection failed",
  timeout: "Timed out",
  unauthorized: "Credentials rejected (401)",
  forbidden: "Permission missing (403)",
  not_found: "Not found (404)",
  unexpected_response: "Unexpected answer (not this system's API?)",
  server_error: "Server error (5xx)",
  rejected: "Request rejected",
};

export const integrationViewSchema = z
  .object({
    system: z.enum(SYSTEMS),
    baseUrl: z.string(),
    accessKeyId: z.string().nullable(),
    username: z.string().nullable(),
    airflowVersion: z.enum(["2", "3"]).nullable(),
    /** Never the secret: whether one is stored and since when. */
    secret: z.object({ set: z.boolean(), setAt: z.string().nullable() }),
    lastTest: z
      .object({ at: z.string(), ok: z.boolean(), message: z.string(), kind: z.enum(CHECK_FAILURES).nullable() })
      .nullable(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: "IntegrationView" });
export type IntegrationView = z.infer<typeof integrationViewSchema>;

export const integrationCheckSchema = z
  .object({
    ok: z.boolean(),
    message: z.string(),
    warning: z.string().optional(),
    kind: z.enum(CHECK_FAILURES).optional(),
    /** What was tested: the saved configuration (its result is kept) or unsaved values. */
    tested: z.enum(["saved", "draft"]),
    testedAt: z.string(),
  })
  .meta({ id: "IntegrationCheck" });
export type IntegrationCheckView = z.infer<typeof integrationCheckSchema>;
