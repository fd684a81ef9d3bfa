"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch, qs } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { AuditEventView } from "@/lib/audit/list";
import type { Page } from "@/lib/http/cursor";

export interface AuditFilters {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** ISO date-times with offset. */
  from?: string;
  to?: string;
}

/** Audit events, newest first; "Load more" fetches the next keyset page. */
export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit({ ...filters }),
    queryFn: ({ pageParam, signal }) => apiFetch<Page<AuditEventView>>(`/api/v1/audit${qs({ ...filters, cursor: pageParam, limit: 50 })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
