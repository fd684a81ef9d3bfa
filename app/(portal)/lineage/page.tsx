import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { LineageExplorer } from "@/components/lineage/lineage-explorer";

export default async function LineagePage({ searchParams }: { searchParams: Promise<{ nodeId?: string }> }) {
  const { nodeId } = await searchParams;
  return (
    <>
      <PageHeader title="Lineage" description="How data flows through jobs into models and deployments. Select a node to trace its path; switch to column level for column lineage." />
      {nodeId ? <LineageExplorer key={nodeId} nodeId={nodeId} /> : (
        <EmptyState title="Pick a starting point">Open any asset in the <Link className="text-brand-700 underline" href="/catalog">catalog</Link> and choose “Lineage graph”.</EmptyState>
      )}
    </>
  );
}
