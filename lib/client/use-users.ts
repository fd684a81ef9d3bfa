"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, qs } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Page } from "@/lib/http/cursor";
import type { RoleName } from "@/lib/policy/permissions";
import type { UserView } from "@/lib/users/schemas";

/** Users matching a search, keyset-paged by name. */
export function useUsers(q: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.users(q),
    queryFn: ({ pageParam, signal }) => apiFetch<Page<UserView>>(`/api/v1/users${qs({ q, cursor: pageParam, limit: 50 })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * Saves a user's roles and teams. They are two endpoints (each one transaction with
 * its audit event), so only the parts that changed are sent.
 */
export function useUpdateUserAccess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (v: { user: UserView; roles: RoleName[]; teamIds: string[] }) => {
      let user = v.user;
      const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
      if (!same(v.roles, user.roles)) user = await apiFetch<UserView>(`/api/v1/users/${user.id}/roles`, { method: "PUT", body: { roles: v.roles } });
      if (!same(v.teamIds, user.teams.map((t) => t.id)))
        user = await apiFetch<UserView>(`/api/v1/users/${user.id}/teams`, { method: "PUT", body: { teamIds: v.teamIds } });
      return user;
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["users"] }),
  });
}
