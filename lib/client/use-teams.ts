"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { CreateTeamInput, TeamView } from "@/lib/users/schemas";

export function useTeams() {
  return useQuery({
    queryKey: queryKeys.teams(),
    queryFn: ({ signal }) => apiFetch<{ items: TeamView[] }>("/api/v1/teams", { signal }).then((r) => r.items),
  });
}

export function useCreateTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTeamInput) => apiFetch<TeamView>("/api/v1/teams", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.teams() }),
  });
}
