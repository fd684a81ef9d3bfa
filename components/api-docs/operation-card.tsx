import { SchemaView } from "@/components/api-docs/schema-view";
import { constraints, typeLabel, type Components, type JsonSchema } from "@/components/api-docs/schema";
import { cn } from "@/components/ui/cn";

export interface Operation {
  summary?: string;
  operationId?: string;
  "x-permission"?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}

const METHOD_TONES: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-emerald-100 text-emerald-800",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-800",
};

export const operationAnchor = (method: string, path: string) => `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "");

export function OperationCard({ method, path, op, components }: { method: string; path: string; op: Operation; components: Components }) {
  const body = op.requestBody?.content["application/json"]?.schema;
  const isPublic = Array.isArray(op.security) && op.security.length === 0;
  return (
    <article id={operationAnchor(method, path)} aria-labelledby={`${operationAnchor(method, path)}-title`} className="scroll-mt-20 rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-5 py-3">
        <span className={cn("rounded px-2 py-0.5 font-mono text-xs font-bold uppercase", METHOD_TONES[method] ?? "bg-slate-100")}>{method}</span>
        <code className="font-mono text-sm font-semibold text-slate-900">{path}</code>
        <span className="ml-auto text-xs text-slate-500">
          {isPublic ? "Public" : <>Requires <code>{op["x-permission"] ?? "sign-in"}</code></>}
        </span>
      </header>
      <div className="space-y-4 px-5 py-4">
        <h3 id={`${operationAnchor(method, path)}-title`} className="font-medium text-slate-900">{op.summary}</h3>
        {op.parameters?.length ? (
          <section>
            <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Parameters</h4>
            <table className="mt-2 w-full text-sm">
              <thead className="text-left text-xs text-slate-500">
                <tr><th scope="col" className="py-1 font-medium">Name</th><th scope="col" className="py-1 font-medium">In</th><th scope="col" className="py-1 font-medium">Type</th><th scope="col" className="py-1 font-medium">Notes</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {op.parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`}>
                    <td className="py-1 pr-3"><code className="font-semibold">{p.name}</code>{p.required ? <span className="ml-1 text-xs text-red-700">required</span> : null}</td>
                    <td className="py-1 pr-3 text-slate-600">{p.in}</td>
                    <td className="py-1 pr-3"><code className="text-xs text-brand-700">{typeLabel(p.schema, components)}</code></td>
                    <td className="py-1 text-xs text-slate-600">{[p.description, ...constraints(p.schema)].filter(Boolean).join(" · ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        {body ? (
          <section>
            <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Request body <span className="font-normal normal-case">application/json</span></h4>
            <div className="mt-2"><SchemaView schema={body} components={components} /></div>
          </section>
        ) : null}
        <section>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Responses</h4>
          <div className="mt-2 space-y-2">
            {Object.entries(op.responses).map(([status, r]) => {
              const [type, media] = Object.entries(r.content ?? {})[0] ?? [];
              const ok = status.startsWith("2");
              return (
                <details key={status} open={ok} className="rounded-md border border-slate-200">
                  <summary className="flex cursor-pointer items-center gap-3 px-3 py-1.5 text-sm">
                    <span className={cn("font-mono font-semibold", ok ? "text-emerald-700" : "text-red-700")}>{status}</span>
                    <span className="text-slate-700">{r.description}</span>
                    {type ? <span className="ml-auto text-xs text-slate-400">{type}</span> : null}
                  </summary>
                  {media ? <div className="border-t border-slate-100 p-3"><SchemaView schema={media.schema} components={components} /></div> : null}
                </details>
              );
            })}
          </div>
        </section>
      </div>
    </article>
  );
}
