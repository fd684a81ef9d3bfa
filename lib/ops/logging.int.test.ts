import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { ctxOf, makeActor } from "@/lib/test/factories";
import { createApiToken } from "@/lib/tokens/tokens";

// Logs are JSON lines on stdout (pino), so the check runs the real logger and the
// real request handler in a child process and reads everything it printed.
const PROBE = `
import { GET } from "./app/api/v1/me/route.ts";
import { log } from "./lib/log.ts";
const token = process.env.PROBE_TOKEN;
const route = { params: Promise.resolve({}) };
const call = async (auth, id) => (await GET(new Request("http://localhost/api/v1/me", { headers: { authorization: auth, "x-request-id": id } }), route)).status;
console.log("status", await call("Bearer " + token, "probe-ok"), await call("Bearer " + token.slice(0, -2) + "zz", "probe-bad"));
// What a careless log line could pass: headers, nested request objects, token fields.
log.info({ headers: { authorization: "Bearer " + token, cookie: "next-auth.session-token=" + token } }, "headers");
log.info({ req: { headers: { authorization: "Bearer " + token } } }, "nested request");
log.warn({ token, secret: token, auth: { token } }, "fields");
`;

describe("structured logs", () => {
  it("carry request ids and never the Bearer token, wherever a log line puts it", async () => {
    const owner = await makeActor(["reviewer"]);
    const { token } = await createApiToken(ctxOf(owner), { name: "log-probe", scopes: ["read"] });
    const r = spawnSync(path.join(process.cwd(), "node_modules/.bin/tsx"), ["--conditions=react-server", "--input-type=module", "--eval", PROBE], {
      encoding: "utf8",
      env: { NODE_ENV: "test", PATH: process.env.PATH!, HOME: process.env.HOME ?? "/tmp", DATABASE_URL: inject("databaseUrl"), DEMO_MODE: "true", LOG_LEVEL: "debug", PROBE_TOKEN: token },
    });
    const out = `${r.stdout}${r.stderr}`;
    expect(out).toContain("status 200 401");
    const lines = r.stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.msg === "request").map((l) => [l.requestId, l.status])).toEqual([["probe-ok", 200], ["probe-bad", 401]]);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(["headers", "nested request", "fields"]));
    const secret = token.split("_").slice(2).join("_");
    expect(out).not.toContain(secret);
    expect(out).not.toContain(token.slice(0, 16));
    expect(out).toContain("[redacted]");
  }, 120_000);
});
