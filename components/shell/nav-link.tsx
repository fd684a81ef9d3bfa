"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const path = usePathname();
  const active = href === "/" ? path === "/" : path.startsWith(href);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn("block rounded-md px-2 py-1.5 text-sm", active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100")}
    >
      {children}
    </Link>
  );
}
