"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, qs } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Page } from "@/lib/http/cursor";
import type { CreateTokenInput, TokenView } from "@/lib/tokens/schemas";

export type CreatedToken = TokenView & { token: string };

/** One user's tokens, or (no userId) every token the caller may list. */
export function useTokens(userId?: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.tokens(userId),
    queryFn: ({ pageParam, signal }) => apiFetch<Page<TokenView>>(`/api/v1/tokens${qs({ userId, cursor: pageParam, limit: 50 })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTokenInput) => apiFetch<CreatedToken>("/api/v1/tokens", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["tokens"] }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TokenView>(`/api/v1/tokens/${id}`, { method: "DELETE" }),
    onSettled: () => client.invalidateQueries({ queryKey: ["tokens"] }),
  });
}
