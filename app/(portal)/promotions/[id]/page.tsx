import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { PromotionView } from "@/components/promotions/promotion-view";

export const metadata: Metadata = { title: "Promotion" };

export default async function PromotionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <PageHeader title="Promotion" description="Gates, decisions and the live execution timeline: every call to lakeFS, MLflow and Airflow with its status and timing." />
      <PromotionView id={id} />
    </>
  );
}
