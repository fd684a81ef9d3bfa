"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { ROLE_LABELS, type RoleName } from "@/lib/policy/permissions";

interface Persona {
  email: string;
  name: string;
  roles: RoleName[];
  teams: string[];
}

export function DemoPersonaPicker({ personas, callbackUrl }: { personas: Persona[]; callbackUrl: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  if (personas.length === 0) {
    return <p className="text-sm text-slate-600">No demo personas yet: run <code>npm run db:seed</code>.</p>;
  }
  return (
    <section aria-labelledby="personas-title">
      <h2 id="personas-title" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        Demo mode: pick a persona
      </h2>
      <ul className="mt-3 grid gap-2">
        {personas.map((p) => (
          <li key={p.email}>
            <button
              type="button"
              disabled={busy !== null}
              onClick={() => {
                setBusy(p.email);
                void signIn("demo", { email: p.email, callbackUrl });
              }}
              className="w-full rounded-lg border border-slate-200 bg-white px-4 py-3 text-left shadow-sm hover:border-brand-500 disabled:opacity-60"
            >
              <span className="block font-medium">{p.name}</span>
              <span className="block text-sm text-slate-600">
                {p.roles.map((r) => ROLE_LABELS[r]).join(", ")}
                {p.teams.length ? ` · ${p.teams.join(", ")}` : ""}
                {busy === p.email ? " · signing in…" : ""}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
