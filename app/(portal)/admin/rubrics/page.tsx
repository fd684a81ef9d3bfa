import { PageHeader } from "@/components/ui/card";
import { RubricEditor } from "@/components/use-cases/rubric-editor";
import { currentActor } from "@/lib/auth/session-actor";
import { can } from "@/lib/policy/require";

export default async function RubricsPage() {
  const actor = (await currentActor())!;
  return (
    <>
      <PageHeader title="Scoring rubrics" description="Versioned criteria and weights. Publishing a version never changes past scores: each score keeps the version it was given under." />
      {can(actor, "rubric.manage") ? <RubricEditor /> : <p className="text-sm text-slate-600">Only admins edit rubrics.</p>}
    </>
  );
}
