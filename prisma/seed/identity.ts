import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RoleName } from "@/lib/policy/permissions";

export const DEMO_TEAMS = [
  { slug: "retail-analytics", name: "Retail Analytics", description: "Demand forecasting and pricing" },
  { slug: "risk-and-credit", name: "Risk & Credit", description: "Credit decisioning and fraud" },
  { slug: "customer-experience", name: "Customer Experience", description: "Service assistants and routing" },
  { slug: "ml-platform", name: "ML Platform", description: "The CoE platform team" },
] as const;

export const DEMO_PERSONAS: { email: string; name: string; roles: RoleName[]; teams: string[] }[] = [
  { email: "priya.owner@demo.local", name: "Priya Shah", roles: ["product_owner"], teams: ["retail-analytics"] },
  { email: "omar.owner@demo.local", name: "Omar Haddad", roles: ["product_owner"], teams: ["risk-and-credit"] },
  { email: "carla.owner@demo.local", name: "Carla Mendes", roles: ["product_owner"], teams: ["customer-experience"] },
  { email: "mei.owner@demo.local", name: "Mei Tanaka", roles: ["product_owner"], teams: ["ml-platform"] },
  { email: "rita.reviewer@demo.local", name: "Rita Gomez", roles: ["reviewer"], teams: ["ml-platform"] },
  { email: "ravi.reviewer@demo.local", name: "Ravi Iyer", roles: ["reviewer"], teams: ["ml-platform"] },
  { email: "ana.approver@demo.local", name: "Ana Novak", roles: ["approver", "reviewer"], teams: ["ml-platform"] },
  { email: "alex.approver@demo.local", name: "Alex Kim", roles: ["approver"], teams: ["risk-and-credit"] },
  { email: "erin.exec@demo.local", name: "Erin Walsh", roles: ["executive"], teams: [] },
  { email: "adam.admin@demo.local", name: "Adam Admin", roles: ["admin"], teams: ["ml-platform"] },
];

/** Teams and personas; upserts, so running it again changes nothing. */
export async function seedIdentity(db: PrismaClient): Promise<void> {
  for (const t of DEMO_TEAMS) await db.team.upsert({ where: { slug: t.slug }, create: t, update: {} });
  const teams = new Map((await db.team.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
  for (const p of DEMO_PERSONAS) {
    const user = await db.user.upsert({ where: { email: p.email }, create: { email: p.email, name: p.name }, update: {} });
    await db.userRole.createMany({ data: p.roles.map((role) => ({ userId: user.id, role })), skipDuplicates: true });
    await db.teamMembership.createMany({ data: p.teams.map((slug) => ({ userId: user.id, teamId: teams.get(slug)! })), skipDuplicates: true });
  }
}
