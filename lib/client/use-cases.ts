"use client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, qs } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Page } from "@/lib/http/cursor";
import type { CommentView, PortfolioSummary, RubricView, ScoresView, UseCaseDetail, UseCaseSummary } from "@/lib/use-cases/views";

// One TanStack Query hook per use-case resource; mutations refresh what they change.
export type UseCaseFilters = Record<string, string | undefined>;

export function useUseCases(filters: UseCaseFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.useCases(filters),
    queryFn: ({ pageParam, signal }) => apiFetch<Page<UseCaseSummary>>(`/api/v1/use-cases${qs({ ...filters, cursor: pageParam, limit: 25 })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useUseCase = (id: string) =>
  useQuery({ queryKey: queryKeys.useCase(id), queryFn: ({ signal }) => apiFetch<UseCaseDetail>(`/api/v1/use-cases/${id}`, { signal }) });

export const useUseCaseScores = (id: string) =>
  useQuery({ queryKey: queryKeys.useCaseScores(id), queryFn: ({ signal }) => apiFetch<ScoresView>(`/api/v1/use-cases/${id}/scores`, { signal }) });

/** A use case's comments, newest page first, each next page older ("Show earlier comments"). */
export const useUseCaseComments = (id: string) =>
  useInfiniteQuery({
    queryKey: queryKeys.useCaseComments(id),
    queryFn: ({ pageParam, signal }) => apiFetch<Page<CommentView>>(`/api/v1/use-cases/${id}/comments${qs({ cursor: pageParam, limit: 50, order: "newest" })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Catalog datasets matching a search, for the intake's "data needed" links (the catalog's own search API). */
export const useDatasetSearch = (q: string) =>
  useQuery({
    queryKey: queryKeys.datasetSearch(q),
    queryFn: ({ signal }) => apiFetch<{ items: { id: string; name: string; namespace: string; description: string; ownerTeamName: string | null }[] }>(`/api/v1/assets${qs({ kind: "dataset", q, limit: 8 })}`, { signal }),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });

export const useRubrics = () => useQuery({ queryKey: queryKeys.rubrics(), queryFn: ({ signal }) => apiFetch<{ items: RubricView[] }>("/api/v1/rubrics", { signal }) });

export const usePortfolioSummary = () =>
  useQuery({ queryKey: queryKeys.portfolioSummary(), queryFn: ({ signal }) => apiFetch<PortfolioSummary>("/api/v1/portfolio/summary", { signal }) });

export const useTeams = () =>
  useQuery({ queryKey: queryKeys.teams(), queryFn: ({ signal }) => apiFetch<{ items: { id: string; name: string }[] }>("/api/v1/teams", { signal }) });

/** A write to one use case; afterwards everything about it (and the lists) is refetched. */
export function useUseCaseMutation<I, O>(id: string, send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (data) => {
      if (data && typeof data === "object" && "timeline" in data) client.setQueryData(queryKeys.useCase(id), data);
      await client.invalidateQueries({ queryKey: ["use-cases"] });
      await client.invalidateQueries({ queryKey: queryKeys.portfolioSummary() });
    },
  });
}
