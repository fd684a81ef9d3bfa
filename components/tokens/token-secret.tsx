"use client";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { CreatedToken } from "@/lib/client/use-tokens";

/** The one-time view of a new token's secret; closing it forgets the secret for good. */
export function TokenSecret({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  return (
    <div className="space-y-4">
      <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
        The portal stores only a hash of this token. If you lose it, revoke it and create a new one.
      </div>
      <div>
        <p id="new-token-label" className="text-sm font-medium text-slate-700">Token “{token.name}”</p>
        <div className="mt-1 flex items-center gap-2">
          <code aria-labelledby="new-token-label" data-testid="new-token-secret" className="block flex-1 select-all overflow-x-auto whitespace-nowrap rounded-md bg-slate-900 px-3 py-2 font-mono text-sm text-emerald-300">
            {token.token}
          </code>
          <CopyButton value={token.token} />
        </div>
      </div>
      <p className="text-xs text-slate-500">
        Use it as <code>Authorization: Bearer coe_{token.prefix}_…</code> on <code>/api/v1</code>. Scopes: {token.scopes.join(", ")}.
      </p>
      <div className="flex justify-end">
        <Button onClick={onDone}>I have stored it</Button>
      </div>
    </div>
  );
}
