import Link from "next/link";
import type { ReactNode } from "react";

// Public (see proxy.ts): integrators read it before they have an account, so it has
// its own light layout instead of the signed-in shell.
export default function ApiDocsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-7xl items-center gap-4 px-6 py-3">
          <Link href="/" className="text-lg font-semibold text-brand-700">AI CoE Portal</Link>
          <span className="text-sm text-slate-400">/</span>
          <span className="text-sm font-medium text-slate-700">API reference</span>
          <nav aria-label="API reference links" className="ml-auto flex items-center gap-4 text-sm">
            <a href="/api/v1/openapi.json" className="text-brand-700 hover:underline">openapi.json</a>
            <Link href="/account/tokens" className="text-brand-700 hover:underline">Get an API token</Link>
          </nav>
        </div>
      </header>
      {children}
    </div>
  );
}
