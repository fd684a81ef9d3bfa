import "server-only";
import type { Actor } from "@/lib/policy/actor";
import { visibleTeams } from "@/lib/use-cases/access";
import { listUseCases } from "@/lib/use-cases/list";
import type { ListUseCasesQuery } from "@/lib/use-cases/schemas";
import type { UseCaseSummary } from "@/lib/use-cases/views";

const COLUMNS: [string, (u: UseCaseSummary) => unknown][] = [
  ["id", (u) => u.id], ["title", (u) => u.title], ["team", (u) => u.teamName], ["owner", (u) => u.ownerName], ["state", (u) => u.state],
  ["risk_tier", (u) => u.tier], ["value_type", (u) => u.valueType], ["value_low_keur", (u) => u.valueLow], ["value_high_keur", (u) => u.valueHigh],
  ["priority", (u) => (u.priority === null ? "" : u.priority.toFixed(2))], ["scores", (u) => u.scoreCount], ["disagreement", (u) => u.disagreement],
  ["created_at", (u) => u.createdAt],
];

/** RFC 4180 quoting; a leading =, +, - or @ is defused so spreadsheets do not run it as a formula. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The current filter as CSV, streamed page by page (keyset, 500 rows at a time) so
 * memory stays flat however large the portfolio is. Permission is checked before
 * the first byte, so a refusal is still a proper problem response.
 */
export function exportUseCasesCsv(actor: Actor, q: Omit<ListUseCasesQuery, "cursor" | "limit">): ReadableStream<Uint8Array> {
  visibleTeams(actor);
  const enc = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode(COLUMNS.map(([h]) => h).join(",") + "\r\n"));
      }
      const page = await listUseCases(actor, { ...q, cursor, limit: 500 });
      if (page.items.length) controller.enqueue(enc.encode(page.items.map((u) => COLUMNS.map(([, f]) => csvCell(f(u))).join(",")).join("\r\n") + "\r\n"));
      if (!page.nextCursor) controller.close();
      else cursor = page.nextCursor;
    },
  });
}
