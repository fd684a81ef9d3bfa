import { UseCaseDetailView } from "@/components/use-cases/use-case-detail";

export default async function UseCasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <UseCaseDetailView id={id} />;
}
