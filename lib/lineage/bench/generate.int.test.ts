import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { generateBenchGraph } from "@/lib/lineage/bench/generate";
import { lineageGraph } from "@/lib/lineage/graph";
import { lineageQuery } from "@/lib/lineage/graph-schemas";
import { makeActor, unique } from "@/lib/test/factories";

describe("bench graph generator", () => {
  it("builds the same small graph twice from one seed, with hubs, chains and cycles the walk survives", async () => {
    const seed = unique("s").replace(/[^a-z0-9]/gi, "");
    const opts = { seed, assets: 2_000, versions: 3_000, edges: 20_000, hubs: 3, hubFanout: 500, chainLength: 100 };
    const ids = await generateBenchGraph(inject("databaseUrl"), opts);
    const count = () => db().asset.count({ where: { namespace: { startsWith: ids.namespacePrefix } } });
    const edges = () => db().lineageEdge.count({ where: { source: { namespace: { startsWith: ids.namespacePrefix } } } });
    const [a1, e1] = [await count(), await edges()];
    expect(a1).toBe(2_000);
    expect(e1).toBeGreaterThan(15_000);
    await generateBenchGraph(inject("databaseUrl"), opts);
    expect([await count(), await edges()]).toEqual([a1, e1]);
    const reader = await makeActor(["reviewer"]);
    const hub = await lineageGraph(reader, lineageQuery.parse({ nodeId: ids.hubIds[0], depth: 10, direction: "down", limit: 300 }));
    expect(hub.truncated).toBe(true);
    expect(hub.graph).toHaveLength(300);
    const chain = await lineageGraph(reader, lineageQuery.parse({ nodeId: ids.chainStartId, depth: 100, direction: "both", limit: 5000 }));
    expect(chain.graph.length).toBeGreaterThan(100);
  });
});
