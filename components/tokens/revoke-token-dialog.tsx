"use client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useRevokeToken } from "@/lib/client/use-tokens";
import type { TokenView } from "@/lib/tokens/schemas";

export function RevokeTokenDialog({ token, onClose }: { token: TokenView; onClose: () => void }) {
  const revoke = useRevokeToken();
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Revoke “${token.name}”?`} description="Anything still using this token gets 401 Unauthorized from its next request. This cannot be undone.">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">Token</dt>
        <dd><code>coe_{token.prefix}_…</code></dd>
        <dt className="text-slate-500">User</dt>
        <dd>{token.userEmail}</dd>
      </dl>
      {revoke.error ? <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{revoke.error.message}</p> : null}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} autoFocus>Keep token</Button>
        <Button variant="danger" disabled={revoke.isPending} onClick={() => revoke.mutate(token.id, { onSuccess: onClose })}>
          {revoke.isPending ? "Revoking…" : "Revoke token"}
        </Button>
      </div>
    </Dialog>
  );
}
