import { createHash, randomBytes } from "node:crypto";

// Tokens look like coe_<8 chars prefix>_<43 chars secret>; only the sha256 is stored.
const TOKEN_RE = /^coe_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export function generateToken(): { token: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "x").slice(0, 8);
  const secret = randomBytes(32).toString("base64url");
  const token = `coe_${prefix}_${secret}`;
  return { token, prefix, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeToken(token: string): boolean {
  return TOKEN_RE.test(token);
}
