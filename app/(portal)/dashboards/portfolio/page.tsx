import { PageHeader } from "@/components/ui/card";
import { PortfolioDashboard } from "@/components/use-cases/dashboard/portfolio-dashboard";

export default function PortfolioDashboardPage() {
  return (
    <>
      <PageHeader title="Portfolio" description="What is in flight, value against feasibility, risk exposure and delivery pace. Each chart has a table view." />
      <PortfolioDashboard />
    </>
  );
}
