import { PageHeader } from "@/components/ui/card";
import { IntakeWizard } from "@/components/use-cases/intake-wizard";
import { currentActor } from "@/lib/auth/session-actor";
import { can } from "@/lib/policy/require";
import { intakeTeams } from "@/lib/use-cases/intake-teams";

export default async function NewUseCasePage() {
  const actor = (await currentActor())!;
  if (!can(actor, "usecase.create")) return <PageHeader title="New use case" description="Only product owners (and admins) file use cases; ask one in your team." />;
  const teams = await intakeTeams(actor);
  return (
    <>
      <PageHeader title="New use case" description="Four short steps. Your draft is saved as you type and survives a reload." />
      <IntakeWizard teams={teams} />
    </>
  );
}
