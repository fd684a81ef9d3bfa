"use client";
import Link from "next/link";
import { useUnreadNotifications } from "@/lib/client/use-notifications";

/** The header's bell: a link to /notifications that says how many are unread. */
export function NotificationBell() {
  const q = useUnreadNotifications();
  const unread = q.data ?? 0;
  const label = q.isError ? "Notifications (count unavailable)" : unread ? `Notifications, ${unread} unread` : "Notifications, none unread";
  return (
    <Link href="/notifications" aria-label={label} title={label} data-testid="notification-bell"
      className="relative inline-flex h-8 w-8 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread ? (
        <span aria-hidden="true" data-testid="notification-count" className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
