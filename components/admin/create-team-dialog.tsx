"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Textarea } from "@/components/ui/field";
import { ApiError } from "@/lib/client/api";
import { useCreateTeam } from "@/lib/client/use-teams";
import { createTeamSchema } from "@/lib/users/schemas";

/** Slug suggestion from the name, until the user edits the slug themself. */
const slugOf = (name: string) => name.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 49);

export function CreateTeamDialog({ onClose }: { onClose: () => void }) {
  const [form, setForm] = useState({ name: "", slug: "", description: "" });
  const [slugTouched, setSlugTouched] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateTeam();
  const formError = create.error instanceof ApiError && !Object.keys(create.error.fieldErrors()).length ? create.error.message : null;

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title="New team" description="Members of a team see and change its use cases and assets.">
      <form
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          // The same schema the API validates with, so the form and the server agree.
          const parsed = createTeamSchema.safeParse(form);
          if (!parsed.success) {
            setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
            return;
          }
          setErrors({});
          create.mutate(parsed.data, { onSuccess: onClose, onError: (err) => err instanceof ApiError && setErrors(err.fieldErrors()) });
        }}
      >
        <Field label="Name" error={errors.name}>
          {(p) => <Input {...p} value={form.name} autoFocus onChange={(e) => setForm({ ...form, name: e.target.value, slug: slugTouched ? form.slug : slugOf(e.target.value) })} />}
        </Field>
        <Field label="Slug" hint="Lowercase letters, digits and dashes; used in URLs and the API." error={errors.slug}>
          {(p) => <Input {...p} value={form.slug} onChange={(e) => (setSlugTouched(true), setForm({ ...form, slug: e.target.value }))} />}
        </Field>
        <Field label="Description" hint="Optional: what the team works on." error={errors.description}>
          {(p) => <Textarea {...p} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}
        </Field>
        {formError ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{formError}</p> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create team"}</Button>
        </div>
      </form>
    </Dialog>
  );
}
