import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET } from "@/app/api/v1/lineage/route";
import { lineageGraph } from "@/lib/lineage/graph";
import { lineageGraphSchema, lineageQuery } from "@/lib/lineage/graph-schemas";
import { createApiToken } from "@/lib/tokens/tokens";
import { ctxOf, makeActor, makeTeam, unique } from "@/lib/test/factories";
import type { Actor } from "@/lib/policy/actor";

async function assets(n: number, ownerTeamId: string | null = null) {
  const ns = unique("g");
  const rows = [];
  for (let i = 0; i < n; i++) rows.push(await db().asset.create({ data: { kind: i % 2 ? "job" : "dataset", namespace: ns, name: `n${i}`, ownerTeamId } }));
  return rows.map((r) => r.id);
}
async function edge(s: string, t: string, at = "2026-01-01T00:00:00Z") {
  await db().lineageEdge.create({ data: { sourceId: s, targetId: t, firstSeenAt: new Date(at), lastSeenAt: new Date(at) } });
}
const q = (o: Record<string, unknown>) => lineageQuery.parse(o);
const names = async (actor: Actor, o: Record<string, unknown>) => (await lineageGraph(actor, q(o))).graph.map((n) => n.data.name).sort();

describe("lineage walks", () => {
  it("terminates on a cycle and returns each node once", async () => {
    const reader = await makeActor(["reviewer"]);
    const [a, b, c] = await assets(3);
    await edge(a!, b!); await edge(b!, c!); await edge(c!, a!);
    const g = await lineageGraph(reader, q({ nodeId: a, depth: 50, direction: "both" }));
    expect(g.graph.map((n) => n.data.name).sort()).toEqual(["n0", "n1", "n2"]);
    expect(g.truncated).toBe(false);
    expect(g.edges).toHaveLength(3);
    expect(g.graph.every((n) => n.inEdges?.length === 1 && n.outEdges?.length === 1)).toBe(true);
    // The portal's graph asks for the nodes alone: the same nodes and edge list, each edge named once.
    const lean = await lineageGraph(reader, q({ nodeId: a, depth: 50, direction: "both", shape: "nodes" }));
    expect(lean.graph.map((n) => n.data)).toEqual(g.graph.map((n) => n.data));
    expect(lean.graph.some((n) => "inEdges" in n || "outEdges" in n)).toBe(false);
    expect(lean.edges).toEqual(g.edges);
  });

  it("stops at the depth asked for, in the direction asked for", async () => {
    const reader = await makeActor(["reviewer"]);
    const ids = await assets(6);
    for (let i = 0; i < 5; i++) await edge(ids[i]!, ids[i + 1]!);
    expect(await names(reader, { nodeId: ids[2], depth: 2, direction: "down" })).toEqual(["n2", "n3", "n4"]);
    expect(await names(reader, { nodeId: ids[2], depth: 1, direction: "up" })).toEqual(["n1", "n2"]);
  });

  it("leaves out edges first seen after asOf", async () => {
    const reader = await makeActor(["reviewer"]);
    const [a, b, c] = await assets(3);
    await edge(a!, b!, "2026-01-01T00:00:00Z"); await edge(b!, c!, "2026-02-01T00:00:00Z");
    expect(await names(reader, { nodeId: a, depth: 5, direction: "down", asOf: "2026-01-15T00:00:00Z" })).toEqual(["n0", "n1"]);
    expect(await names(reader, { nodeId: a, depth: 5, direction: "down" })).toEqual(["n0", "n1", "n2"]);
  });

  it("treats another team's nodes as absent, including what lies beyond them", async () => {
    const [mine, theirs] = [await makeTeam(), await makeTeam()];
    const owner = await makeActor(["product_owner"], [mine.id]);
    const [a] = await assets(1, mine.id);
    const [b] = await assets(1, theirs.id);
    const [c] = await assets(1, mine.id);
    await edge(a!, b!); await edge(b!, c!);
    const g = await lineageGraph(owner, q({ nodeId: a, depth: 5, direction: "down" }));
    expect(g.graph.map((n) => n.data.assetId)).toEqual([a]);
    await expect(lineageGraph(owner, q({ nodeId: b }))).rejects.toMatchObject({ code: "not_found" });
  });

  it("truncates a hub at the node limit and says so", async () => {
    const reader = await makeActor(["reviewer"]);
    const [hub, ...spokes] = await assets(31);
    for (const s of spokes) await edge(hub!, s);
    const g = await lineageGraph(reader, q({ nodeId: hub, depth: 3, direction: "down", limit: 10 }));
    expect(g.graph).toHaveLength(10);
    expect(g.truncated).toBe(true);
    expect(g.graph[0]!.data.assetId).toBe(hub);
  });

  it("returns every node of a layered graph whose paths multiply, without reaching the row cap", async () => {
    const reader = await makeActor(["reviewer"]);
    // 10 layers of 2 datasets; each dataset feeds both jobs of its layer: 2^10 paths, 41 nodes.
    const ids = await assets(41);
    const dataset = (layer: number, i: number) => (layer === 0 ? ids[0]! : ids[1 + (layer - 1) * 4 + i]!);
    const job = (layer: number, i: number) => ids[1 + layer * 4 - 2 + i]!;
    for (let layer = 0; layer < 10; layer++) {
      for (let i = 0; i < 2; i++) {
        await edge(dataset(layer, 0), job(layer + 1, i));
        if (layer > 0) await edge(dataset(layer, 1), job(layer + 1, i));
        await edge(job(layer + 1, i), dataset(layer + 1, i));
      }
    }
    const g = await lineageGraph(reader, q({ nodeId: ids[0], depth: 40, direction: "down", limit: 50 }));
    expect(g.truncated).toBe(false);
    expect(g.graph).toHaveLength(41);
    expect(Math.max(...g.graph.map((n) => n.data.depth))).toBe(20);
  });

  it("keeps the nearest nodes when the limit cuts, each at its shortest distance, and says truncated only when something was left out", async () => {
    const reader = await makeActor(["reviewer"]);
    // root -> a -> b -> c -> d and a shortcut root -> c: c is 1 hop away, d 2 hops; b is 2 hops.
    const [root, a, b, c, d] = await assets(5);
    await edge(root!, a!); await edge(a!, b!); await edge(b!, c!); await edge(c!, d!); await edge(root!, c!);
    const depths = async (limit: number) => {
      const g = await lineageGraph(reader, q({ nodeId: root, depth: 10, direction: "down", limit }));
      return { truncated: g.truncated, depth: Object.fromEntries(g.graph.map((n) => [n.data.name, n.data.depth])) };
    };
    expect(await depths(5)).toEqual({ truncated: false, depth: { n0: 0, n1: 1, n3: 1, n2: 2, n4: 2 } });
    expect(await depths(3)).toEqual({ truncated: true, depth: { n0: 0, n1: 1, n3: 1 } });
    const four = await depths(4);
    expect(four.truncated).toBe(true);
    expect(Object.keys(four.depth).filter((n) => four.depth[n] === 2)).toHaveLength(1);
  });

  it("walks both directions to the limit and keeps the nearest of both", async () => {
    const reader = await makeActor(["reviewer"]);
    const ids = await assets(7);
    // n0 -> n1 -> n2 -> n3 (root) -> n4 -> n5 -> n6
    for (let i = 0; i < 6; i++) await edge(ids[i]!, ids[i + 1]!);
    const g = await lineageGraph(reader, q({ nodeId: ids[3], depth: 10, direction: "both", limit: 5 }));
    expect(g.truncated).toBe(true);
    expect(Object.fromEntries(g.graph.map((n) => [n.data.name, n.data.depth]))).toEqual({ n3: 0, n2: -1, n4: 1, n1: -2, n5: 2 });
  });

  it("answers 404 for an unknown node and 422 for depth -1 or 10000", async () => {
    const owner = await makeActor(["reviewer"]);
    const { token } = await createApiToken(ctxOf(owner), { name: unique("t"), scopes: ["read"] });
    const get = (qs: string) => GET(new Request(`http://127.0.0.1/api/v1/lineage?${qs}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    expect((await get(`nodeId=${randomUUID()}`)).status).toBe(404);
    expect((await get("nodeId=dataset:nowhere:nothing")).status).toBe(404);
    const [a] = await assets(1);
    const bad = await get(`nodeId=${a}&depth=-1`);
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].path).toBe("depth");
    expect((await get(`nodeId=${a}&depth=10000`)).status).toBe(422);
    expect((await get(`nodeId=${a}&depth=3`)).status).toBe(200);
  });

  it("answers Marquez's shape through the API: node ids kind:namespace:name (a feature set as a dataset), in and out edges by those ids, the edge list with ISO times", async () => {
    const team = await makeTeam();
    const reader = await makeActor(["reviewer"]);
    const ns = unique("shape");
    const mk = (kind: "dataset" | "feature_set" | "job" | "model", name: string) => db().asset.create({ data: { kind, namespace: ns, name, ownerTeamId: team.id } });
    const [raw, job, feats, model] = [await mk("dataset", "raw"), await mk("job", "build"), await mk("feature_set", "feats"), await mk("model", "churn")];
    await edge(raw.id, job.id, "2026-01-01T10:00:00.123456Z");
    await edge(job.id, feats.id, "2026-01-02T00:00:00Z");
    await edge(feats.id, model.id, "2026-01-03T00:00:00Z");
    const { token } = await createApiToken(ctxOf(reader), { name: unique("t"), scopes: ["read"] });
    const res = await GET(new Request(`http://127.0.0.1/api/v1/lineage?nodeId=job:${ns}:build&depth=1&direction=both`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    const g = lineageGraphSchema.parse(await res.json());
    const [rawKey, jobKey, featsKey] = [`dataset:${ns}:raw`, `job:${ns}:build`, `dataset:${ns}:feats`];
    expect(g).toMatchObject({ rootId: job.id, truncated: false, limit: 500, columnEdges: [] });
    expect(g.graph).toEqual([
      { id: jobKey, type: "JOB", data: { assetId: job.id, kind: "job", namespace: ns, name: "build", ownerTeamName: team.name, depth: 0 }, inEdges: [{ origin: rawKey, destination: jobKey }], outEdges: [{ origin: jobKey, destination: featsKey }] },
      ...[
        { id: rawKey, type: "DATASET", data: { assetId: raw.id, kind: "dataset", namespace: ns, name: "raw", ownerTeamName: team.name, depth: -1 }, inEdges: [], outEdges: [{ origin: rawKey, destination: jobKey }] },
        { id: featsKey, type: "DATASET", data: { assetId: feats.id, kind: "feature_set", namespace: ns, name: "feats", ownerTeamName: team.name, depth: 1 }, inEdges: [{ origin: jobKey, destination: featsKey }], outEdges: [] },
      ].sort((a, b) => a.data.assetId.localeCompare(b.data.assetId)),
    ]);
    // The model is two hops away: neither it nor its edge is in a depth-1 answer.
    expect(g.edges.sort((a, b) => a.firstSeenAt.localeCompare(b.firstSeenAt))).toEqual([
      { sourceId: raw.id, targetId: job.id, firstSeenAt: "2026-01-01T10:00:00.123Z", lastSeenAt: "2026-01-01T10:00:00.123Z" },
      { sourceId: job.id, targetId: feats.id, firstSeenAt: "2026-01-02T00:00:00.000Z", lastSeenAt: "2026-01-02T00:00:00.000Z" },
    ]);
  });
});
