// Prisma's known request errors carry a code; P2002 is a unique-constraint violation.
export function uniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}
