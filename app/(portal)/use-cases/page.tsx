import Link from "next/link";
import { Suspense } from "react";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { LoadingRows } from "@/components/ui/states";
import { PortfolioList } from "@/components/use-cases/portfolio-list";
import { currentActor } from "@/lib/auth/session-actor";
import { can } from "@/lib/policy/require";

export default async function UseCasesPage() {
  const actor = (await currentActor())!;
  return (
    <>
      <PageHeader
        title="Use cases"
        description="The AI portfolio, ranked by rubric priority. Filters live in the address bar, so a filtered view can be shared."
        actions={can(actor, "usecase.create") ? <Button asChild><Link href="/use-cases/new">New use case</Link></Button> : null}
      />
      <Suspense fallback={<LoadingRows label="Loading use cases" />}>
        <PortfolioList />
      </Suspense>
    </>
  );
}
