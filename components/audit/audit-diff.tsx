type Plain = Record<string, unknown> | null;

const show = (v: unknown) => (v === undefined ? "—" : JSON.stringify(v));

/** The changed fields of an event, before beside after (a creation has no before). */
export function AuditDiff({ diff }: { diff: unknown }) {
  const d = (diff ?? {}) as { before?: Plain; after?: Plain };
  const before = d.before ?? null;
  const after = d.after ?? null;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <p className="text-sm text-slate-500">No field changes recorded.</p>;
  return (
    <table className="w-full text-xs" aria-label="Changes">
      <thead>
        <tr className="text-left text-slate-500">
          <th scope="col" className="w-40 py-1 pr-3 font-medium">Field</th>
          <th scope="col" className="py-1 pr-3 font-medium">Before</th>
          <th scope="col" className="py-1 font-medium">After</th>
        </tr>
      </thead>
      <tbody className="align-top font-mono">
        {keys.map((k) => (
          <tr key={k} className="border-t border-slate-200">
            <th scope="row" className="py-1 pr-3 text-left font-medium text-slate-700">{k}</th>
            <td className="whitespace-pre-wrap break-all py-1 pr-3 text-red-800">
              {before === null ? <span className="text-slate-400">(none)</span> : show(before[k])}
            </td>
            <td className="whitespace-pre-wrap break-all py-1 text-emerald-800">
              {after === null ? <span className="text-slate-400">(none)</span> : show(after[k])}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
