import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { loadTokenActor, loadUserActor } from "@/lib/auth/load-actor";
import type { Actor } from "@/lib/policy/actor";

/** The actor behind a request: a Bearer token when one is sent, else the session cookie. */
export async function actorFromRequest(req: Request): Promise<Actor | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const [scheme, token] = header.split(/\s+/, 2);
    if (scheme?.toLowerCase() === "bearer" && token) return loadTokenActor(token);
  }
  return currentActor();
}

/** The signed-in user of a server component or route handler, or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = (await getServerSession(authOptions())) as { userId?: string } | null;
  if (!session?.userId) return null;
  return loadUserActor(session.userId);
}
