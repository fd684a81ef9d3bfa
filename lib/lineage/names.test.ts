import { describe, expect, it } from "vitest";
import { normalizeEventTime, parseLakefs } from "@/lib/lineage/names";

describe("lineage names", () => {
  it("folds the lakeFS ref out of the dataset name wherever the producer split it", () => {
    const a = parseLakefs("lakefs://retail", "main/tables/orders");
    const b = parseLakefs("lakefs://retail/main", "tables/orders");
    expect(a).toEqual(b);
    expect(a).toMatchObject({ namespace: "lakefs://retail", name: "tables/orders", lakefs: { ref: "main", commitId: null } });
    const c = parseLakefs("lakefs://retail", `${"c".repeat(64)}/tables/orders`);
    expect(c?.lakefs.commitId).toBe("c".repeat(64));
    expect(parseLakefs("s3://bucket", "x/y")).toBeNull();
  });

  it("normalises event times to one instant with microseconds", () => {
    expect(normalizeEventTime("2024-10-16T17:33:08.9791Z")).toBe("2024-10-16T17:33:08.979100Z");
    expect(normalizeEventTime("2024-10-16T19:33:08.979100+02:00")).toBe("2024-10-16T17:33:08.979100Z");
    expect(normalizeEventTime("2024-10-16T17:33:08Z")).toBe("2024-10-16T17:33:08.000000Z");
  });
});
