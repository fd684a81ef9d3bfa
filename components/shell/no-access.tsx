import { EmptyState } from "@/components/ui/states";

/** What a signed-in user sees on a page their roles do not open (the API refuses too). */
export function NoAccess({ what }: { what: string }) {
  return (
    <EmptyState title="You do not have access to this page">
      Your roles do not allow you to {what}. Ask an admin if you need it.
    </EmptyState>
  );
}
