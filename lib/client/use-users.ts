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

/** Saves a user's roles and teams in one request (one transaction, one audit event on the server). */
export function useUpdateUserAccess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { user: UserView; roles: RoleName[]; teamIds: string[] }) =>
      apiFetch<UserView>(`/api/v1/users/${v.user.id}/access`, { method: "PUT", body: { roles: v.roles, teamIds: v.teamIds } }),
    onSettled: () => client.invalidateQueries({ queryKey: ["users"] }),
  });
}
