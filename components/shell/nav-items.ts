import type { Permission } from "@/lib/policy/permissions";

export interface NavItem {
  href: string;
  label: string;
  /** Shown only to actors holding this permission. */
  permission?: Permission;
  section: "Work" | "Governance" | "Admin";
}

// Feature areas plug into the shell by adding their pages here.
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Home", section: "Work" },
  { href: "/catalog", label: "Catalog", permission: "catalog.read", section: "Work" },
  { href: "/lineage", label: "Lineage", permission: "catalog.read", section: "Work" },
  { href: "/use-cases", label: "Use cases", permission: "usecase.read", section: "Work" },
  { href: "/use-cases/new", label: "New use case", permission: "usecase.create", section: "Work" },
  { href: "/dashboards/portfolio", label: "Portfolio dashboard", permission: "portfolio.read", section: "Work" },
  { href: "/promotions", label: "Promotions", permission: "promotion.read", section: "Work" },
  { href: "/approvals", label: "Approvals", permission: "promotion.approve", section: "Work" },
  { href: "/delivery", label: "Delivery", permission: "promotion.read", section: "Governance" },
  { href: "/audit", label: "Audit log", permission: "audit.read", section: "Governance" },
  { href: "/account/tokens", label: "My API tokens", permission: "token.read", section: "Governance" },
  // Every signed-in role may read the policies its promotions are judged by; only admins
  // publish them (the page says so), so the link sits under Governance, not Admin.
  { href: "/admin/environments", label: "Environments & policies", permission: "environment.read", section: "Governance" },
  { href: "/api-docs", label: "API reference", section: "Governance" },
  { href: "/admin/integrations", label: "Integrations", permission: "integration.manage", section: "Admin" },
  { href: "/admin/users", label: "Users & roles", permission: "user.read", section: "Admin" },
  { href: "/admin/teams", label: "Teams", permission: "team.manage", section: "Admin" },
  { href: "/admin/tokens", label: "All API tokens", permission: "user.manage", section: "Admin" },
  { href: "/admin/rubrics", label: "Scoring rubrics", permission: "rubric.manage", section: "Admin" },
];
