import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { IntakeWizard } from "@/components/use-cases/intake-wizard";
import { currentActor } from "@/lib/auth/session-actor";
import { isAppError } from "@/lib/errors";
import { intakeTeams } from "@/lib/use-cases/intake-teams";
import { getUseCase } from "@/lib/use-cases/read";

export default async function EditUseCasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = (await currentActor())!;
  const detail = await getUseCase(actor, id).catch((e: unknown) => (isAppError(e) && e.code === "not_found" ? null : Promise.reject(e)));
  if (!detail) notFound();
  if (!detail.can.edit) {
    return <PageHeader title={detail.title} description="This use case is read-only in its current state; a reviewer can request changes to reopen it." />;
  }
  return (
    <>
      <PageHeader title={`Edit: ${detail.title}`} description="Changes are saved as you type." />
      <IntakeWizard initial={detail} teams={await intakeTeams(actor)} />
    </>
  );
}
