import Link from "next/link";
import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { NavLink } from "@/components/shell/nav-link";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ROLE_LABELS } from "@/lib/policy/permissions";
import type { Actor } from "@/lib/policy/actor";
import { can } from "@/lib/policy/require";

export function AppShell({ actor, demo, children }: { actor: Actor; demo: boolean; children: ReactNode }) {
  const items = NAV_ITEMS.filter((i) => !i.permission || can(actor, i.permission));
  const sections = [...new Set(items.map((i) => i.section))];
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <aside className="w-60 shrink-0 border-r border-slate-200 bg-white">
        <div className="px-4 py-4">
          <Link href="/" className="text-lg font-semibold text-brand-700">AI CoE Portal</Link>
          {demo ? <p className="mt-1 rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Demo mode</p> : null}
        </div>
        <nav aria-label="Main" className="px-2 pb-4">
          {sections.map((section) => (
            <div key={section} className="mb-4">
              <p className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{section}</p>
              <ul className="space-y-0.5">
                {items.filter((i) => i.section === section).map((i) => (
                  <li key={i.href}>
                    <NavLink href={i.href}>{i.label}</NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-4 border-b border-slate-200 bg-white px-6 py-3 text-sm">
          {can(actor, "notification.read") ? <NotificationBell /> : null}
          <span>
            <span className="font-medium" data-testid="current-user">{actor.name}</span>
            <span className="text-slate-500"> · {actor.roles.map((r) => ROLE_LABELS[r]).join(", ") || "no role yet"}</span>
          </span>
          <SignOutButton />
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-6 py-6">
          {children}
        </main>
      </div>
    </div>
  );
}
