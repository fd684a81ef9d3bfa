"use client";
import { ErrorState } from "@/components/ui/states";

export default function CatalogError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorState error={error} onRetry={reset} />;
}
