import type { SchemaField } from "@/lib/catalog/schemas";

/** Column names, nested fields as dotted paths (address.city). */
export function flattenColumns(fields: SchemaField[], prefix = ""): string[] {
  return fields.flatMap((f) => [prefix + f.name, ...(f.fields ? flattenColumns(f.fields, `${prefix}${f.name}.`) : [])]);
}

export interface SchemaChange {
  column: string;
  change: "added" | "removed" | "type_changed" | "description_changed";
  from?: string;
  to?: string;
}

function byPath(fields: SchemaField[], prefix = "", out = new Map<string, SchemaField>()): Map<string, SchemaField> {
  for (const f of fields) {
    out.set(prefix + f.name, f);
    if (f.fields) byPath(f.fields, `${prefix}${f.name}.`, out);
  }
  return out;
}

/** What changed from one schema to the next, column by column, in the newer schema's order. */
export function diffSchemas(from: SchemaField[], to: SchemaField[]): SchemaChange[] {
  const a = byPath(from);
  const b = byPath(to);
  const changes: SchemaChange[] = [];
  for (const [col, f] of b) {
    const old = a.get(col);
    if (!old) changes.push({ column: col, change: "added", to: f.type });
    else if ((old.type ?? "") !== (f.type ?? "")) changes.push({ column: col, change: "type_changed", from: old.type, to: f.type });
    else if ((old.description ?? "") !== (f.description ?? "")) changes.push({ column: col, change: "description_changed", from: old.description, to: f.description });
  }
  for (const [col, f] of a) if (!b.has(col)) changes.push({ column: col, change: "removed", from: f.type });
  return changes;
}
