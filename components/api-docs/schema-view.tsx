import { constraints, objectOf, resolve, typeLabel, type Components, type JsonSchema } from "@/components/api-docs/schema";

/** A schema's fields as a nested list: name, type, required, description, constraints. */
export function SchemaView({ schema, components, depth = 0 }: { schema: JsonSchema; components: Components; depth?: number }) {
  const obj = objectOf(schema, components);
  if (!obj) {
    const r = resolve(schema, components);
    return (
      <p className="text-sm">
        <code className="text-brand-700">{typeLabel(schema, components)}</code>
        {r.description ? <span className="ml-2 text-slate-600">{r.description}</span> : null}
      </p>
    );
  }
  const required = new Set(obj.required ?? []);
  return (
    <ul className={depth ? "mt-1 border-l border-slate-200 pl-4" : "divide-y divide-slate-100 rounded-md border border-slate-200"}>
      {Object.entries(obj.properties ?? {}).map(([name, prop]) => {
        const r = resolve(prop, components);
        const nested = depth < 3 ? objectOf(prop, components) : null;
        const notes = constraints(r);
        return (
          <li key={name} className={depth ? "py-1" : "px-3 py-2"}>
            <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <code className="font-semibold text-slate-900">{name}</code>
              <code className="text-xs text-brand-700">{typeLabel(prop, components)}</code>
              {required.has(name) ? <span className="text-xs font-medium text-red-700">required</span> : <span className="text-xs text-slate-400">optional</span>}
            </div>
            {r.description ? <p className="text-xs text-slate-600">{r.description}</p> : null}
            {notes.length ? <p className="text-xs text-slate-500">{notes.join(" · ")}</p> : null}
            {nested && nested !== obj ? <SchemaView schema={prop} components={components} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
