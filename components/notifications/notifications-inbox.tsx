"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";
import { useMarkRead, useNotifications, useUnreadNotifications } from "@/lib/client/use-notifications";
import type { NotificationView } from "@/lib/notifications/schemas";
import { NOTIFICATION_WHAT as WHAT } from "@/components/notifications/notification-words";

const BADGE: Partial<Record<NotificationView["kind"], { tone: "warning" | "success" | "danger"; text: string }>> = {
  change_request: { tone: "warning", text: "changes requested" },
  approved: { tone: "success", text: "approved" },
  rejected: { tone: "danger", text: "rejected" },
};

/** The caller's notifications, newest first: open one (which marks it read), mark read, load more. */
export function NotificationsInbox() {
  const [filter, setFilter] = useState<"all" | "unread">("all");
  const q = useNotifications(filter);
  const unread = useUnreadNotifications();
  const mark = useMarkRead();
  const router = useRouter();
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const open = (n: NotificationView) => {
    if (!n.readAt) mark.mutate({ ids: [n.id] });
    router.push(`/use-cases/${n.useCaseId}#comments-h`);
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <div role="group" aria-label="Show" className="inline-flex rounded-md ring-1 ring-slate-300">
          {(["all", "unread"] as const).map((f) => (
            <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)}
              className={`px-3 py-1.5 text-sm first:rounded-l-md last:rounded-r-md ${filter === f ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}>
              {f === "all" ? "All" : "Unread"}
            </button>
          ))}
        </div>
        <span className="text-sm text-slate-600" role="status" aria-live="polite">{unread.data === undefined ? "" : `${unread.data} unread`}</span>
        <Button variant="secondary" size="sm" className="ml-auto" disabled={!unread.data || mark.isPending} onClick={() => mark.mutate({ all: true })}>Mark all read</Button>
      </div>
      {mark.isError ? <p role="alert" className="text-sm text-red-700">Could not mark read: {mark.error.message}</p> : null}
      {q.isPending ? <LoadingRows label="Loading notifications" /> : q.isError ? <ErrorState error={q.error} onRetry={() => q.refetch()} /> : items.length === 0 ? (
        <EmptyState title={filter === "unread" ? "Nothing unread" : "No notifications yet"}>You are notified here when someone @mentions you on a use case, or when a reviewer requests changes to yours, approves it for build or rejects it.</EmptyState>
      ) : (
        <ul aria-label="Notifications" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {items.map((n) => (
            <li key={n.id} className={`flex items-start gap-3 p-4 ${n.readAt ? "" : "bg-brand-50/40"}`} data-testid="notification">
              <span aria-hidden="true" className={`mt-2 h-2 w-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-brand-600"}`} />
              <div className="min-w-0 flex-1">
                <p className="text-sm">
                  <span className="font-medium">{n.actorName ?? "Someone"}</span> {WHAT[n.kind]}{" "}
                  <Link href={`/use-cases/${n.useCaseId}#comments-h`} onClick={(e) => (e.preventDefault(), open(n))} className="font-medium text-brand-700 hover:underline">{n.useCaseTitle}</Link>
                  {BADGE[n.kind] ? <Badge tone={BADGE[n.kind]!.tone} className="ml-2">{BADGE[n.kind]!.text}</Badge> : null}
                  {n.readAt ? null : <span className="sr-only"> (unread)</span>}
                </p>
                {n.excerpt ? <p className="mt-1 line-clamp-2 text-sm text-slate-700">“{n.excerpt}”</p> : null}
                <p className="mt-1 text-xs text-slate-500"><time dateTime={n.createdAt}>{new Date(n.createdAt).toLocaleString()}</time></p>
              </div>
              {n.readAt ? null : <Button size="sm" variant="ghost" disabled={mark.isPending} onClick={() => mark.mutate({ ids: [n.id] })} aria-label={`Mark read: ${n.useCaseTitle}`}>Mark read</Button>}
            </li>
          ))}
        </ul>
      )}
      {q.hasNextPage ? <Button variant="secondary" onClick={() => q.fetchNextPage()} disabled={q.isFetchingNextPage}>{q.isFetchingNextPage ? "Loading…" : "Load more"}</Button> : null}
    </div>
  );
}
