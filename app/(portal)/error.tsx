"use client";
import { ErrorState } from "@/components/ui/states";

// A page that fails to render keeps the shell and navigation, says so, and offers a retry.
export default function PortalError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorState error={error} onRetry={reset} />;
}
