import { Table, Td, Th } from "@/components/ui/table";
import { diffSchemas } from "@/lib/catalog/schema-diff";
import type { SchemaField, VersionView } from "@/lib/catalog/schemas";

const label = (v: VersionView) => (v.version.length > 20 ? `${v.version.slice(0, 12)}…` : v.version);

/** A GET form picking two versions, and the column-by-column changes between them. */
export function SchemaDiff({ assetId, versions, from, to }: { assetId: string; versions: VersionView[]; from?: string; to?: string }) {
  const newer = versions.find((v) => v.id === to) ?? versions[0]!;
  const older = versions.find((v) => v.id === from) ?? versions[1]!;
  const changes = diffSchemas(older.schema as SchemaField[], newer.schema as SchemaField[]);
  return (
    <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="font-semibold">Schema diff</h3>
      <form action={`/catalog/${assetId}`} className="mt-2 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">From<select name="from" defaultValue={older.id} className="rounded border border-slate-300 px-2 py-1">{versions.map((v) => <option key={v.id} value={v.id}>{label(v)}</option>)}</select></label>
        <label className="flex flex-col">To<select name="to" defaultValue={newer.id} className="rounded border border-slate-300 px-2 py-1">{versions.map((v) => <option key={v.id} value={v.id}>{label(v)}</option>)}</select></label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50">Compare</button>
      </form>
      {changes.length === 0 ? <p className="mt-3 text-sm text-slate-600">No schema changes between these versions.</p> : (
        <Table className="mt-3">
          <thead><tr><Th>Column</Th><Th>Change</Th><Th>From</Th><Th>To</Th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {changes.map((c) => <tr key={c.column + c.change}><Td className="font-mono text-xs">{c.column}</Td><Td>{c.change.replace("_", " ")}</Td><Td className="text-xs">{c.from ?? "—"}</Td><Td className="text-xs">{c.to ?? "—"}</Td></tr>)}
          </tbody>
        </Table>
      )}
    </div>
  );
}
