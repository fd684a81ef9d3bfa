"use client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, qs } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { MarkReadInput, NotificationPage } from "@/lib/notifications/schemas";

// The caller's inbox: the bell polls the unread count; the page lists and marks read.
const POLL_MS = 30_000;

export const useUnreadNotifications = () =>
  useQuery({
    queryKey: queryKeys.unreadNotifications(),
    queryFn: ({ signal }) => apiFetch<NotificationPage>(`/api/v1/notifications${qs({ unread: "true", limit: 1 })}`, { signal }).then((p) => p.unreadCount),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });

export function useNotifications(filter: "all" | "unread") {
  return useInfiniteQuery({
    queryKey: queryKeys.notifications(filter),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<NotificationPage>(`/api/v1/notifications${qs({ unread: filter === "unread" ? "true" : undefined, cursor: pageParam, limit: 20 })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkReadInput) => apiFetch<{ updated: number; unreadCount: number }>("/api/v1/notifications/read", { method: "POST", body: input }),
    onSuccess: async (r) => {
      client.setQueryData(queryKeys.unreadNotifications(), r.unreadCount);
      await client.invalidateQueries({ queryKey: ["notifications", "list"] });
    },
  });
}
