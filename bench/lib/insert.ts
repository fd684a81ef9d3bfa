import type pg from "pg";

// Batched inserts through unnest(): one statement per few thousand rows, every column
// sent as one array parameter. Orders of magnitude faster than row-at-a-time ORM
// writes and needs no extra dependency (COPY would need pg-copy-streams).

export interface Column {
  name: string;
  /** Postgres array type of the parameter, e.g. "uuid[]", "text[]", "timestamptz[]". */
  type: string;
  /** Optional cast of the unnested value, e.g. '"AssetKind"' or 'jsonb'. */
  cast?: string;
}

export async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: Column[],
  rows: unknown[][],
  opts: { batch?: number; suffix?: string } = {},
): Promise<void> {
  const batch = opts.batch ?? 5000;
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const select = columns.map((c, i) => (c.cast ? `u.c${i}::${c.cast}` : `u.c${i}`)).join(", ");
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}`).join(", ");
  const alias = columns.map((_, i) => `c${i}`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${unnest}) AS u(${alias}) ${opts.suffix ?? ""}`;
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    const params = columns.map((_, i) => chunk.map((r) => r[i]));
    await client.query(sql, params);
  }
}

/** Text arrays inside unnest() need a Postgres array literal per row (unnest flattens nested arrays). */
export function pgTextArray(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}
