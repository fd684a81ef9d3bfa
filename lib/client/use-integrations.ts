"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { IntegrationCheckView, IntegrationInput, IntegrationSystemName, IntegrationView } from "@/lib/environments/integration-schemas";

// The integrations admin page's resources: an environment's three connections, saved, tested
// and removed through /api/v1/environments/{key}/integrations.
const base = (envKey: string) => `/api/v1/environments/${encodeURIComponent(envKey)}/integrations`;

export function useIntegrations(envKey: string) {
  return useQuery({
    queryKey: queryKeys.integrations(envKey),
    queryFn: ({ signal }) => apiFetch<{ items: IntegrationView[] }>(base(envKey), { signal }).then((r) => r.items),
  });
}

export function useSaveIntegration(envKey: string, system: IntegrationSystemName) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: IntegrationInput) => apiFetch<IntegrationView>(`${base(envKey)}/${system}`, { method: "PUT", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.integrations(envKey) }),
  });
}

export function useTestIntegration(envKey: string, system: IntegrationSystemName) {
  const client = useQueryClient();
  return useMutation({
    /** No draft: test the saved settings (the result is kept); a draft: test unsaved values. */
    mutationFn: (draft?: IntegrationInput) => apiFetch<IntegrationCheckView>(`${base(envKey)}/${system}/test`, { method: "POST", body: draft ? { draft } : {} }),
    onSuccess: (r) => r.tested === "saved" && client.invalidateQueries({ queryKey: queryKeys.integrations(envKey) }),
  });
}

export function useRemoveIntegration(envKey: string, system: IntegrationSystemName) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(`${base(envKey)}/${system}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.integrations(envKey) }),
  });
}
