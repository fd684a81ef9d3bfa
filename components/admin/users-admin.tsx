"use client";
import { useDeferredValue, useState } from "react";
import { EditUserDialog } from "@/components/admin/edit-user-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { useUsers } from "@/lib/client/use-users";
import { ROLE_LABELS } from "@/lib/policy/permissions";
import type { UserView } from "@/lib/users/schemas";

export function UsersAdmin() {
  const [search, setSearch] = useState("");
  // The list follows the typing without a request per keystroke blocking input.
  const q = useDeferredValue(search.trim());
  const users = useUsers(q);
  const [editing, setEditing] = useState<UserView | null>(null);
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-full max-w-sm">
          <label htmlFor="user-search" className="block text-sm font-medium text-slate-700">Search users</label>
          <Input id="user-search" type="search" className="mt-1" placeholder="Name or e-mail" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        {users.isFetching && !users.isLoading ? <span className="pb-2 text-xs text-slate-500" role="status">Updating…</span> : null}
      </div>

      {users.isLoading ? (
        <LoadingRows label="Loading users" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={q ? `No users match “${q}”` : "No users yet"}>
          {q ? "Try part of a name or an e-mail address." : "Users appear here after their first sign-in, or when the demo data is loaded."}
        </EmptyState>
      ) : (
        <Table aria-label="Users">
          <thead>
            <tr>
              <Th>User</Th>
              <Th>Roles</Th>
              <Th>Teams</Th>
              <Th>Status</Th>
              <Th className="text-right"><span className="sr-only">Actions</span></Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((u) => (
              <tr key={u.id} data-testid={`user-row-${u.email}`}>
                <Td>
                  <div className="font-medium text-slate-900">{u.name}</div>
                  <div className="text-xs text-slate-500">{u.email}</div>
                </Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    {u.roles.length ? u.roles.map((r) => <Badge key={r} tone={r === "admin" ? "warning" : "info"}>{ROLE_LABELS[r]}</Badge>) : <span className="text-xs text-slate-400">No role</span>}
                  </div>
                </Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    {u.teams.length ? u.teams.map((t) => <Badge key={t.id}>{t.name}</Badge>) : <span className="text-xs text-slate-400">No team</span>}
                  </div>
                </Td>
                <Td>{u.active ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Deactivated</Badge>}</Td>
                <Td className="text-right">
                  <Button variant="secondary" size="sm" onClick={() => setEditing(u)} aria-label={`Edit roles and teams of ${u.name}`}>
                    Edit
                  </Button>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      {users.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => void users.fetchNextPage()} disabled={users.isFetchingNextPage}>
            {users.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      ) : null}

      {editing ? <EditUserDialog user={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
