"use client";
import { useState } from "react";
import { CreateTeamDialog } from "@/components/admin/create-team-dialog";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { useTeams } from "@/lib/client/use-teams";

export function TeamsAdmin() {
  const teams = useTeams();
  const [creating, setCreating] = useState(false);
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <p className="text-sm text-slate-600" aria-live="polite">
          {teams.data ? `${teams.data.length} team${teams.data.length === 1 ? "" : "s"} · ${teams.data.reduce((n, t) => n + t.memberCount, 0)} memberships` : null}
        </p>
        <Button onClick={() => setCreating(true)}>New team</Button>
      </div>
      {teams.isLoading ? (
        <LoadingRows label="Loading teams" />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : !teams.data?.length ? (
        <EmptyState title="No teams yet">Teams scope what product owners see. Create the first one.</EmptyState>
      ) : (
        <Table aria-label="Teams">
          <thead>
            <tr>
              <Th>Team</Th>
              <Th>Slug</Th>
              <Th>Description</Th>
              <Th className="text-right">Members</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {teams.data.map((t) => (
              <tr key={t.id}>
                <Td className="font-medium text-slate-900">{t.name}</Td>
                <Td><code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{t.slug}</code></Td>
                <Td className="text-slate-600">{t.description || <span className="text-slate-400">—</span>}</Td>
                <Td className="text-right tabular-nums">{t.memberCount}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {creating ? <CreateTeamDialog onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
