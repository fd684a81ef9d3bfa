"use client";
import { ErrorState } from "@/components/ui/states";

export default function ImpactError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorState error={error} onRetry={reset} />;
}
