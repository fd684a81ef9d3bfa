import { Badge } from "@/components/ui/badge";
import type { TokenView } from "@/lib/tokens/schemas";

export type TokenState = "active" | "expired" | "revoked";

export function tokenState(t: TokenView, now = Date.now()): TokenState {
  if (t.revokedAt) return "revoked";
  if (t.expiresAt && new Date(t.expiresAt).getTime() <= now) return "expired";
  return "active";
}

export function TokenStatus({ token }: { token: TokenView }) {
  const s = tokenState(token);
  return s === "active" ? <Badge tone="success">Active</Badge> : s === "expired" ? <Badge tone="warning">Expired</Badge> : <Badge tone="danger">Revoked</Badge>;
}
