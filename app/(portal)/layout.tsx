import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { currentActor } from "@/lib/auth/session-actor";
import { env } from "@/lib/env";

// Every portal page depends on who is signed in: never prerender.
export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  return <AppShell actor={actor} demo={env().DEMO_MODE}>{children}</AppShell>;
}
