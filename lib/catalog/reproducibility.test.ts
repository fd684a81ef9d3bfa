import { describe, expect, it } from "vitest";
import { assessReproducibility } from "@/lib/catalog/reproducibility";
import type { VersionView } from "@/lib/catalog/schemas";

const base: VersionView = {
  id: "v", assetId: "a", kind: "model", version: "1", createdAt: "", lakefs: null, schema: [], dataQuality: null, producedByRunId: null, description: "",
  trainingRunId: null, code: { repository: "git", commitSha: "a".repeat(40) }, environment: `sha256:${"b".repeat(64)}`, metrics: {}, params: { lr: 0.1 }, mlflow: null,
  inputs: [{ datasetVersionId: "d", assetId: "x", namespace: "lakefs://r", name: "features", version: "c", lakefsCommitId: "c".repeat(64), lakefsRef: "c".repeat(64) }],
};

describe("reproducibility", () => {
  it("calls a version pinned to data commits, code SHA, environment digest and parameters reproducible", () => {
    expect(assessReproducibility(base).reproducible).toBe(true);
  });
  it("flags a version trained on a moving branch head as not reproducible, naming the branch", () => {
    const r = assessReproducibility({ ...base, inputs: [{ ...base.inputs[0]!, lakefsCommitId: null, lakefsRef: "main" }] });
    expect(r.reproducible).toBe(false);
    expect(r.items.find((i) => !i.pinned)?.why).toContain('branch "main"');
  });
  it("flags an environment named by a tag", () => {
    expect(assessReproducibility({ ...base, environment: "python:3.11" }).reproducible).toBe(false);
  });
});
