"use client";
import { useId, useState, type ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";

/**
 * A chart with a table view of the same numbers: the chart is keyboard-focusable
 * (recharts' accessibility layer: arrow keys walk the points), and the table serves
 * screen readers and anyone who wants the exact figures.
 */
export function ChartCard({ title, description, columns, rows, children, testId }: {
  title: string; description: string; columns: string[]; rows: ReactNode[][]; children: ReactNode; testId?: string;
}) {
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  return (
    <Card aria-labelledby={id} data-testid={testId}>
      <div className="mb-3 flex items-start justify-between gap-2">
        <div>
          <h2 id={id} className="font-semibold">{title}</h2>
          <p className="text-xs text-slate-500">{description}</p>
        </div>
        <button type="button" className="shrink-0 rounded px-2 py-1 text-xs font-medium text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? "Show chart" : "Show table"}
        </button>
      </div>
      {asTable ? (
        rows.length === 0 ? <p className="text-sm text-slate-600">No data yet.</p> : (
          <Table>
            <caption className="sr-only">{title}</caption>
            <thead><tr>{columns.map((c) => <Th key={c}>{c}</Th>)}</tr></thead>
            <tbody className="divide-y divide-slate-100">{rows.map((r, i) => <tr key={i}>{r.map((c, j) => <Td key={j}>{c}</Td>)}</tr>)}</tbody>
          </Table>
        )
      ) : rows.length === 0 ? <p className="py-10 text-center text-sm text-slate-600">No data yet.</p> : <div className="h-64 w-full">{children}</div>}
    </Card>
  );
}
