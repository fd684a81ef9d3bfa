import { SCALES, type Scale } from "./scale";

export interface BenchArgs {
  scale: Scale;
  seed: number;
  port: number;
  skipBuild: boolean;
  outDir: string;
  strict: boolean;
  /** Also write EXPLAIN ANALYZE of the hot paths to bench/plans/ from the measured database. */
  plans: boolean;
  /** Measure this already loaded database again (kept by BENCH_KEEP_DB=1). */
  db?: string;
  only?: string;
}

const USAGE = "usage: npm run bench -- [--scale small|full] [--seed N] [--port 3900] [--skip-build] [--out bench/results] [--strict] [--plans] [--only substring] [--db postgresql://…kept database]";

export function parseArgs(argv: string[]): BenchArgs {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scaleName = get("--scale") ?? "small";
  const scale = SCALES[scaleName as keyof typeof SCALES];
  if (!scale) throw new Error(`--scale must be small or full, not ${scaleName}\n${USAGE}`);
  const seed = Number(get("--seed") ?? 42);
  const port = Number(get("--port") ?? process.env.BENCH_PORT ?? 3900);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer\n${USAGE}`);
  if (!Number.isInteger(port) || port < 1024) throw new Error(`--port must be a port number\n${USAGE}`);
  return { scale, seed, port, skipBuild: argv.includes("--skip-build"), outDir: get("--out") ?? "bench/results", strict: argv.includes("--strict"), plans: argv.includes("--plans"), db: get("--db"), only: get("--only") };
}
