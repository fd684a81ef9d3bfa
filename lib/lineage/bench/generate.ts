import pg from "pg";

// A deterministic synthetic catalog for benchmarks (kept out of the demo seed): assets,
// dataset versions and lineage edges with hubs, long chains and cycles, generated inside
// PostgreSQL with set-based INSERT ... SELECT generate_series. Every id and choice derives
// from md5(seed, i), so the same seed gives the same graph, and running it again adds
// nothing (ON CONFLICT DO NOTHING).

export interface BenchGraphOptions {
  seed: string;
  assets?: number;
  versions?: number;
  edges?: number;
  /** Assets 0..hubs-1 fan out to hubFanout targets each. */
  hubs?: number;
  hubFanout?: number;
  /** Length of each long chain (a -> a+1 -> ...), several chains end to end. */
  chainLength?: number;
}

export interface BenchGraphIds { namespacePrefix: string; hubIds: string[]; chainStartId: string }

export async function generateBenchGraph(databaseUrl: string, o: BenchGraphOptions): Promise<BenchGraphIds> {
  const opts = { assets: 50_000, versions: 200_000, edges: 1_000_000, hubs: 20, hubFanout: 5_000, chainLength: 2_000, ...o };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const s = opts.seed;
  // r(tag, i) in [0,1): a deterministic pseudo-random number from the seed.
  const r = (tag: string, i: string) => `(('x' || substr(md5('${s}:${tag}:' || ${i}), 1, 8))::bit(32)::bigint / 4294967296.0)`;
  const id = (i: string) => `md5('${s}:asset:' || ${i})::uuid`;
  try {
    await client.query("BEGIN");
    await client.query(`
      INSERT INTO assets (id, kind, namespace, name, description, tags, column_names, owner_team_id, created_at, updated_at)
      SELECT ${id("i")},
        (CASE WHEN i % 20 < 12 THEN 'dataset' WHEN i % 20 < 14 THEN 'feature_set' WHEN i % 20 < 18 THEN 'job' WHEN i % 20 < 19 THEN 'model' ELSE 'deployment' END)::"AssetKind",
        'bench-${s}-ns' || (i % 50), 'asset_' || i || '_' || substr(md5('${s}:n:' || i), 1, 6),
        'Synthetic ' || (ARRAY['orders','customers','payments','inventory','clicks','loans','claims','sensors'])[1 + i % 8] || ' asset number ' || i,
        ARRAY['bench', 'domain' || (i % 40), 'tier' || (i % 3)], ARRAY['id', 'col_' || (i % 97), 'col_' || (i % 13), 'amount_' || (i % 7)],
        (SELECT t.id FROM teams t ORDER BY t.id OFFSET (i % GREATEST(1, (SELECT count(*) FROM teams))) LIMIT 1), now(), now()
      FROM generate_series(0, ${opts.assets - 1}) AS i
      ON CONFLICT DO NOTHING`);
    await client.query(`
      INSERT INTO dataset_versions (id, asset_id, version, lakefs_repository, lakefs_ref, lakefs_commit_id, lakefs_path, schema, observed_at)
      SELECT md5('${s}:version:' || v)::uuid, ${id("a")}, 'v' || v, 'bench', md5('${s}:commit:' || v) || md5('${s}:commit2:' || v), md5('${s}:commit:' || v) || md5('${s}:commit2:' || v),
        'tables/asset_' || a, jsonb_build_array(jsonb_build_object('name', 'id', 'type', 'string'), jsonb_build_object('name', 'col_' || (a % 97), 'type', 'double')),
        timestamptz '2026-01-01' + (v || ' minutes')::interval
      FROM (SELECT v, ((v * 7919) % ${opts.assets}) AS a0 FROM generate_series(0, ${opts.versions - 1}) AS v) x,
        LATERAL (SELECT a0 - (a0 % 20) + (a0 % 12) AS a) y
      ON CONFLICT DO NOTHING`);
    const hubEdges = opts.hubs * opts.hubFanout;
    const chainEdges = Math.min(opts.assets - 1, opts.chainLength * 5);
    const randomEdges = Math.max(0, opts.edges - hubEdges - chainEdges);
    const edgeInsert = (select: string) => client.query(`INSERT INTO lineage_edges (source_id, target_id, first_seen_at, last_seen_at) ${select} ON CONFLICT DO NOTHING`);
    // Hubs: a few assets feeding thousands.
    await edgeInsert(`SELECT ${id("h")}, ${id(`floor(${r("hub", "h * 1000003 + k")} * ${opts.assets})::int`)}, timestamptz '2026-01-01' + (k || ' seconds')::interval, now()
      FROM generate_series(0, ${opts.hubs - 1}) h, generate_series(0, ${opts.hubFanout - 1}) k WHERE true`);
    // Long chains: i -> i+1 through the first assets, deep enough for depth-100 walks.
    await edgeInsert(`SELECT ${id("i")}, ${id("i + 1")}, timestamptz '2026-01-01' + (i || ' seconds')::interval, now() FROM generate_series(${opts.hubs}, ${opts.hubs + chainEdges - 1}) i`);
    // Layered random edges, mostly forward (a DAG) with 2% backward edges that make cycles.
    await edgeInsert(`SELECT ${id("src")}, ${id(`CASE WHEN ${r("back", "e")} < 0.02 THEN floor(${r("b", "e")} * GREATEST(src, 1))::int ELSE LEAST(${opts.assets - 1}, src + 1 + floor(${r("fwd", "e")} * 400)::int) END`)},
        timestamptz '2026-01-01' + (e || ' seconds')::interval, now()
      FROM (SELECT e, floor(${r("src", "e")} * ${opts.assets})::int AS src FROM generate_series(0, ${randomEdges - 1}) e) x`);
    await client.query("COMMIT");
    const hubIds = (await client.query<{ id: string }>(`SELECT ${id("h")}::text AS id FROM generate_series(0, ${opts.hubs - 1}) h`)).rows.map((x) => x.id);
    const chainStartId = (await client.query<{ id: string }>(`SELECT ${id(String(opts.hubs))}::text AS id`)).rows[0]!.id;
    return { namespacePrefix: `bench-${s}-ns`, hubIds, chainStartId };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
