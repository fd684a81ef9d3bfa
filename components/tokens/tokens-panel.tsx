"use client";
import { useState } from "react";
import { CreateTokenDialog } from "@/components/tokens/create-token-dialog";
import { RevokeTokenDialog } from "@/components/tokens/revoke-token-dialog";
import { TokenStatus, tokenState } from "@/components/tokens/token-status";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDate, formatRelative } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { useTokens } from "@/lib/client/use-tokens";
import type { TokenView } from "@/lib/tokens/schemas";

/**
 * A list of API tokens with create and revoke. `userId` narrows it to one user's
 * tokens (the account page); without it an admin sees everyone's and picks the
 * owner of a new token.
 */
export function TokensPanel({ userId, adminView = false }: { userId?: string; adminView?: boolean }) {
  const tokens = useTokens(userId);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TokenView | null>(null);
  const rows = tokens.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <p className="text-sm text-slate-600" aria-live="polite">
          {tokens.isSuccess ? `${rows.length}${tokens.hasNextPage ? "+" : ""} token${rows.length === 1 ? "" : "s"} · ${rows.filter((t) => tokenState(t) === "active").length} active` : null}
        </p>
        <Button onClick={() => setCreating(true)}>{adminView ? "Create token for a user" : "Create token"}</Button>
      </div>
      {tokens.isLoading ? (
        <LoadingRows label="Loading API tokens" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No API tokens yet">
          Tokens let pipelines and scripts call the API as {adminView ? "a user" : "you"}, with the scopes you choose. Send one as <code>Authorization: Bearer …</code>.
        </EmptyState>
      ) : (
        <Table aria-label="API tokens">
          <thead>
            <tr>
              <Th>Name</Th>
              {adminView ? <Th>User</Th> : null}
              <Th>Scopes</Th>
              <Th>Created</Th>
              <Th>Expires</Th>
              <Th>Last used</Th>
              <Th>Status</Th>
              <Th className="text-right"><span className="sr-only">Actions</span></Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((t) => (
              <tr key={t.id} data-testid={`token-row-${t.name}`}>
                <Td>
                  <div className="font-medium text-slate-900">{t.name}</div>
                  <code className="text-xs text-slate-500">coe_{t.prefix}_…</code>
                </Td>
                {adminView ? <Td className="text-slate-600">{t.userEmail}</Td> : null}
                <Td>
                  <div className="flex flex-wrap gap-1">{t.scopes.map((s) => <Badge key={s}>{s}</Badge>)}</div>
                </Td>
                <Td className="whitespace-nowrap text-slate-600">{formatDate(t.createdAt)}</Td>
                <Td className="whitespace-nowrap text-slate-600">{t.expiresAt ? formatDate(t.expiresAt) : "Never"}</Td>
                <Td className="whitespace-nowrap text-slate-600">{t.lastUsedAt ? formatRelative(t.lastUsedAt) : "Never"}</Td>
                <Td><TokenStatus token={t} /></Td>
                <Td className="text-right">
                  {tokenState(t) !== "revoked" ? (
                    <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
                      Revoke
                    </Button>
                  ) : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {tokens.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => void tokens.fetchNextPage()} disabled={tokens.isFetchingNextPage}>
            {tokens.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      ) : null}
      {creating ? <CreateTokenDialog chooseUser={adminView} onClose={() => setCreating(false)} /> : null}
      {revoking ? <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} /> : null}
    </div>
  );
}
