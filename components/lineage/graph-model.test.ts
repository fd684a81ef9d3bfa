import { describe, expect, it } from "vitest";
import { hiddenBy, pathBetween } from "@/components/lineage/graph-model";

const E = (pairs: string[]) => pairs.map((p) => ({ id: p, source: p[0]!, target: p[1]! }));

describe("lineage graph view model", () => {
  it("highlights the nodes on a shortest path from the root", () => {
    expect([...pathBetween(E(["ab", "bc", "cd", "ad"]), "a", "d")].sort()).toEqual(["a", "d"]);
    expect([...pathBetween(E(["ab", "bc", "xa"]), "a", "x")].sort()).toEqual(["a", "x"]);
  });
  it("hides what lies only behind a collapsed node, keeping what another path reaches", () => {
    const edges = E(["ab", "bc", "bd", "ad", "za"]);
    expect([...hiddenBy(edges, "a", new Set(["b"]))].sort()).toEqual(["c"]);
    expect(hiddenBy(edges, "a", new Set())).toEqual(new Set());
  });
});
