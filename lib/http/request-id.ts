import { randomUUID } from "node:crypto";

// A caller's id is kept when it is printable and short, so it can be followed across systems.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(req: Request): string {
  const given = req.headers.get("x-request-id");
  return given && SAFE_ID.test(given) ? given : randomUUID();
}
