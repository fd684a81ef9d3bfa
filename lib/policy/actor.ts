import type { RoleName, TokenScope } from "@/lib/policy/permissions";

/** Who is acting: a signed-in user, or a machine holding one of a user's API tokens. */
export interface Actor {
  kind: "user" | "token";
  userId: string;
  email: string;
  name: string;
  roles: RoleName[];
  teamIds: string[];
  /** Set when kind is "token". */
  tokenId?: string;
  scopes?: TokenScope[];
}

export function actorLabel(actor: Actor): string {
  return actor.kind === "token" ? `${actor.email} (token ${actor.tokenId})` : actor.email;
}
