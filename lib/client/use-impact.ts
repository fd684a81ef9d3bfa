"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch, qs } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { ImpactList, ImpactListPage } from "@/lib/lineage/impact-schemas";

export type ImpactQuestion = { nodeId: string; column?: string; depth?: number };
type Items<L extends ImpactList> = Extract<ImpactListPage, { list: L }>;

/**
 * One list of an impact analysis: the server rendered its first page; "Load more" fetches the
 * next keyset page of just that list.
 */
export function useImpactList<L extends ImpactList>(question: ImpactQuestion, list: L, first: Omit<Items<L>, "list">) {
  return useInfiniteQuery({
    queryKey: queryKeys.impactList({ ...question, list }),
    queryFn: ({ pageParam, signal }) => apiFetch<Items<L>>(`/api/v1/lineage/impact/items${qs({ ...question, list, cursor: pageParam, limit: 50 })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    initialData: { pages: [{ list, ...first } as Items<L>], pageParams: [undefined] },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The first page came with the page; refetching it on mount would only repeat the walk.
    staleTime: Infinity,
  });
}
