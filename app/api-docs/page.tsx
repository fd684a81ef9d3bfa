import type { Metadata } from "next";
import { OperationCard, operationAnchor, type Operation } from "@/components/api-docs/operation-card";
import type { Components } from "@/components/api-docs/schema";
import { buildOpenApi } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "API reference" };

interface Doc {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation & { tags?: string[] }>>;
  components: { schemas: Components };
}

const METHOD_ORDER = ["get", "post", "put", "patch", "delete"];

/** Renders the same document /api/v1/openapi.json serves, grouped by tag. */
export default function ApiDocsPage() {
  const doc = buildOpenApi() as unknown as Doc;
  const groups = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? "Other";
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)!.push({ method, path, op });
    }
  }
  for (const list of groups.values()) list.sort((a, b) => a.path.localeCompare(b.path) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
  // Operations (health, readiness) last: integrators come for the resources.
  const tags = [...groups.keys()].sort((a, b) => Number(a === "Operations") - Number(b === "Operations") || a.localeCompare(b));
  const slug = (t: string) => `tag-${t.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

  return (
    <div className="mx-auto flex max-w-7xl gap-8 px-6 py-8">
      <nav aria-label="Endpoints" className="sticky top-20 hidden max-h-[calc(100vh-6rem)] w-64 shrink-0 overflow-y-auto lg:block">
        {tags.map((tag) => (
          <div key={tag} className="mb-4">
            <a href={`#${slug(tag)}`} className="text-xs font-semibold uppercase tracking-wide text-slate-500 hover:text-slate-800">{tag}</a>
            <ul className="mt-1 space-y-0.5">
              {groups.get(tag)!.map(({ method, path }) => (
                <li key={`${method} ${path}`}>
                  <a href={`#${operationAnchor(method, path)}`} className="flex gap-2 rounded px-1 py-0.5 text-xs hover:bg-slate-100">
                    <span className="w-12 shrink-0 font-mono font-semibold uppercase text-slate-500">{method}</span>
                    <span className="truncate font-mono text-slate-700">{path}</span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <main id="main" className="min-w-0 flex-1 space-y-10">
        <section className="space-y-3">
          <h1 className="text-3xl font-semibold tracking-tight">{doc.info.title}</h1>
          <p className="text-slate-600">{doc.info.description} Version {doc.info.version}.</p>
          <div className="grid gap-3 text-sm md:grid-cols-3">
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="font-medium">Authentication</h2>
              <p className="mt-1 text-slate-600">Send an API token as <code>Authorization: Bearer coe_…</code>. A token acts with its user&apos;s roles, limited to its scopes.</p>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="font-medium">Errors</h2>
              <p className="mt-1 text-slate-600"><code>application/problem+json</code> with <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code>; a 422 lists each bad field in <code>errors</code>.</p>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="font-medium">Paging and tracing</h2>
              <p className="mt-1 text-slate-600">Lists return <code>nextCursor</code>; pass it back as <code>cursor</code>. Every response carries <code>X-Request-Id</code> (yours, when you send one).</p>
            </div>
          </div>
        </section>
        {tags.map((tag) => (
          <section key={tag} aria-labelledby={slug(tag)} className="space-y-4">
            <h2 id={slug(tag)} className="scroll-mt-20 border-b border-slate-200 pb-2 text-xl font-semibold">{tag}</h2>
            {groups.get(tag)!.map(({ method, path, op }) => (
              <OperationCard key={`${method} ${path}`} method={method} path={path} op={op} components={doc.components.schemas} />
            ))}
          </section>
        ))}
      </main>
    </div>
  );
}
