import type { VersionView } from "@/lib/catalog/schemas";

export interface ReproItem { what: string; value: string | null; pinned: boolean; why: string }
export interface Reproducibility { reproducible: boolean; items: ReproItem[] }

/**
 * Whether a model version can be rebuilt exactly: every input pinned to a data commit
 * (not a moving branch head), the code to a commit SHA, the environment to a digest or
 * lock-file hash, and the parameters recorded.
 */
export function assessReproducibility(v: VersionView): Reproducibility {
  const items: ReproItem[] = [];
  if (!v.inputs.length) items.push({ what: "Training data", value: null, pinned: false, why: "No input dataset versions are recorded." });
  for (const i of v.inputs) {
    items.push(i.lakefsCommitId
      ? { what: `Data: ${i.name}`, value: i.lakefsCommitId, pinned: true, why: "Pinned to a lakeFS commit." }
      : { what: `Data: ${i.name}`, value: i.lakefsRef ?? i.version, pinned: false, why: i.lakefsRef ? `Read from the moving head of branch "${i.lakefsRef}", not a commit.` : "No data commit is known for this input." });
  }
  const sha = v.code?.commitSha ?? null;
  items.push({ what: "Code", value: sha ? `${v.code?.repository ?? ""}@${sha}` : null, pinned: !!sha, why: sha ? "Pinned to a commit SHA." : "No code commit is recorded." });
  const envPinned = !!v.environment && /^(sha256:)?[0-9a-f]{32,}$/i.test(v.environment.replace(/^.*@/, ""));
  items.push({ what: "Environment", value: v.environment, pinned: envPinned, why: envPinned ? "Pinned to an image digest or lock-file hash." : v.environment ? "Named by a tag, which can move; record a digest." : "No environment is recorded." });
  const hasParams = Object.keys(v.params).length > 0;
  items.push({ what: "Parameters", value: hasParams ? `${Object.keys(v.params).length} recorded` : null, pinned: hasParams, why: hasParams ? "Recorded with the version." : "No training parameters are recorded." });
  return { reproducible: items.every((i) => i.pinned), items };
}
