import { IntegrationError } from "../core/integration-error";

/** lakeFS answered 409 to a merge or revert: both sides changed the same paths. */
export class LakefsConflictError extends IntegrationError {
  constructor(base: IntegrationError, what: string) {
    super({
      ...base,
      system: "lakefs",
      kind: "conflict",
      message: `lakeFS could not ${what}: the two sides changed the same objects (409 conflict). Resolve the conflict in lakeFS, or choose a merge strategy, then retry.${base.detail ? ` lakeFS said: ${base.detail}` : ""}`,
    });
    this.name = "LakefsConflictError";
  }
}

/** lakeFS answered 412 to a merge: a pre-merge hook (e.g. the portal's own webhook) refused it. */
export class LakefsPreMergeHookError extends IntegrationError {
  constructor(base: IntegrationError, what: string) {
    super({
      ...base,
      system: "lakefs",
      kind: "precondition_failed",
      message: `lakeFS refused to ${what}: a pre-merge hook rejected it (412). Check the repository's actions run for the reason.${base.detail ? ` lakeFS said: ${base.detail}` : ""}`,
    });
    this.name = "LakefsPreMergeHookError";
  }
}
