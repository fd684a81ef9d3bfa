import { describe, expect, it } from "vitest";
import { detailOf, networkCode } from "./failure-facts";
import { IntegrationError, describeFailure, kindOfStatus } from "./integration-error";

const base = { system: "mlflow" as const, operation: "set alias", endpoint: "http://mlflow:5000", attempts: 1 };

describe("integration errors", () => {
  it("classifies statuses", () => {
    expect([401, 403, 404, 409, 412, 422, 429, 500, 503].map(kindOfStatus)).toEqual([
      "unauthorized",
      "forbidden",
      "not_found",
      "conflict",
      "precondition_failed",
      "bad_request",
      "rate_limited",
      "server_error",
      "server_error",
    ]);
  });

  it("writes messages a person can act on", () => {
    expect(describeFailure({ ...base, kind: "unauthorized", status: 401 })).toBe(
      'MLflow rejected the credentials (401) on "set alias": check the credentials configured for http://mlflow:5000.',
    );
    expect(describeFailure({ ...base, kind: "not_found", resource: 'registered model "churn"', detail: "RESOURCE_DOES_NOT_EXIST" })).toContain(
      'MLflow has no registered model "churn" (404 on "set alias"). MLflow said: RESOURCE_DOES_NOT_EXIST',
    );
    expect(describeFailure({ ...base, kind: "unreachable", detail: "ECONNREFUSED", attempts: 3 })).toBe(
      "MLflow is unreachable at http://mlflow:5000 (ECONNREFUSED) after 3 attempts: check the endpoint URL and that the server is running.",
    );
  });

  it("maps to the portal's own error codes", () => {
    const make = (kind: IntegrationError["kind"]) => new IntegrationError({ ...base, kind, message: "x" }).toAppError().code;
    expect([make("not_found"), make("conflict"), make("precondition_failed"), make("timeout"), make("unauthorized")]).toEqual([
      "not_found",
      "conflict",
      "conflict",
      "unavailable",
      "unavailable",
    ]);
  });

  it("reads the explanation out of each system's error body", () => {
    expect(detailOf({ message: "branch not found" })).toBe("branch not found");
    expect(detailOf({ error_code: "RESOURCE_DOES_NOT_EXIST", message: "no model" })).toBe("no model");
    expect(detailOf({ title: "DAGRun not found", detail: "run x missing", status: 404 })).toBe("run x missing");
    expect(detailOf({ detail: [{ loc: ["body", "logical_date"], msg: "Field required" }] })).toContain("Field required");
    expect(detailOf("x".repeat(400))).toHaveLength(300);
  });

  it("finds the socket error code under undici's wrapper", () => {
    expect(networkCode(new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) }))).toBe("ECONNREFUSED");
    expect(networkCode(new Error("something else"))).toBeUndefined();
  });
});
