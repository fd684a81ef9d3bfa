import type { Actor } from "@/lib/policy/actor";

/** What every service function gets from its entry point: who acts, and the request's id for the audit log. */
export interface RequestContext {
  actor: Actor | null;
  requestId?: string;
  /** Names a machine actor (worker, webhook) when actor is null. */
  systemLabel?: string;
}

export function systemContext(label: string, requestId?: string): RequestContext {
  return { actor: null, systemLabel: label, requestId };
}
