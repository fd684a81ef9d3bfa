"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState, LoadingRows } from "@/components/ui/states";
import { ApiError } from "@/lib/client/api";
import { useTeams } from "@/lib/client/use-teams";
import { useUpdateUserAccess } from "@/lib/client/use-users";
import { ROLE_LABELS, ROLES, type RoleName } from "@/lib/policy/permissions";
import type { UserView } from "@/lib/users/schemas";

const ROLE_HINTS: Record<RoleName, string> = {
  product_owner: "Submits use cases and requests promotions for their teams",
  reviewer: "Scores use cases against the rubric",
  approver: "Approves or rejects promotions; reads the audit log",
  executive: "Read-only portfolio dashboards and audit log",
  admin: "Users, teams, tokens and settings",
};

export function EditUserDialog({ user, onClose }: { user: UserView; onClose: () => void }) {
  const [roles, setRoles] = useState<RoleName[]>(user.roles);
  const [teamIds, setTeamIds] = useState<string[]>(user.teams.map((t) => t.id));
  const teams = useTeams();
  const save = useUpdateUserAccess();
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const problem = save.error instanceof ApiError ? save.error : null;

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Roles and teams of ${user.name}`} description={user.email}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ user, roles, teamIds }, { onSuccess: onClose });
        }}
        className="space-y-5"
      >
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Roles</legend>
          <div className="mt-2 space-y-2">
            {ROLES.map((r) => (
              <label key={r} className="flex items-start gap-3 rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50">
                <input type="checkbox" className="mt-0.5 size-4 accent-brand-600" checked={roles.includes(r)} onChange={() => setRoles(toggle(roles, r))} />
                <span>
                  <span className="block text-sm font-medium">{ROLE_LABELS[r]}</span>
                  <span className="block text-xs text-slate-500">{ROLE_HINTS[r]}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Teams</legend>
          <p className="text-xs text-slate-500">Team membership scopes what a product owner sees and changes.</p>
          <div className="mt-2 max-h-48 space-y-1 overflow-y-auto">
            {teams.isLoading ? (
              <LoadingRows label="Loading teams" rows={3} />
            ) : teams.isError ? (
              <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
            ) : teams.data?.length === 0 ? (
              <p className="text-sm text-slate-500">No teams yet: create one on the Teams page.</p>
            ) : (
              teams.data?.map((t) => (
                <label key={t.id} className="flex items-center gap-3 rounded px-2 py-1 text-sm hover:bg-slate-50">
                  <input type="checkbox" className="size-4 accent-brand-600" checked={teamIds.includes(t.id)} onChange={() => setTeamIds(toggle(teamIds, t.id))} />
                  {t.name}
                  <span className="text-xs text-slate-400">{t.slug}</span>
                </label>
              ))
            )}
          </div>
        </fieldset>

        {problem ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {problem.message}
          </p>
        ) : null}

        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save changes"}</Button>
        </div>
      </form>
    </Dialog>
  );
}
