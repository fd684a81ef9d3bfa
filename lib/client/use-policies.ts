"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { PolicyHistoryItem, PolicyView } from "@/lib/environments/schemas";
import type { PolicyInput } from "@/lib/promotions/policy-schema";

const base = (envKey: string) => `/api/v1/environments/${encodeURIComponent(envKey)}/policies`;

/** Every version of an environment's policy, newest first. */
export function usePolicies(envKey: string) {
  return useQuery({
    queryKey: queryKeys.policies(envKey),
    queryFn: ({ signal }) => apiFetch<{ items: PolicyHistoryItem[] }>(base(envKey), { signal }).then((r) => r.items),
  });
}

export function usePublishPolicy(envKey: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PolicyInput) => apiFetch<PolicyView>(base(envKey), { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.policies(envKey) }),
  });
}
