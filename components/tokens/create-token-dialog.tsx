"use client";
import { useState } from "react";
import { TokenSecret } from "@/components/tokens/token-secret";
import { UserPicker } from "@/components/tokens/user-picker";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { ApiError } from "@/lib/client/api";
import { useCreateToken, type CreatedToken } from "@/lib/client/use-tokens";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/policy/permissions";
import { createTokenSchema } from "@/lib/tokens/schemas";

const EXPIRY_CHOICES = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "366", label: "1 year" },
  { value: "", label: "Never (not recommended)" },
];

/** Creates a token; on success the dialog turns into the one-time view of its secret. */
export function CreateTokenDialog({ chooseUser, onClose }: { chooseUser: boolean; onClose: () => void }) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TokenScope[]>(["read"]);
  const [expiry, setExpiry] = useState("90");
  const [userId, setUserId] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useCreateToken();
  const formError = create.error instanceof ApiError && !Object.keys(create.error.fieldErrors()).length ? create.error.message : null;

  if (created) {
    return (
      <Dialog open onOpenChange={(open) => !open && onClose()} title="Copy your new token" description="This is the only time the token is shown. Store it in your secret manager now.">
        <TokenSecret token={created} onDone={onClose} />
      </Dialog>
    );
  }

  const submit = () => {
    const input = { name, scopes, expiresInDays: expiry ? Number(expiry) : undefined, userId: chooseUser ? userId || undefined : undefined };
    if (chooseUser && !userId) return setErrors({ userId: "Pick the user the token acts as" });
    const parsed = createTokenSchema.safeParse(input);
    if (!parsed.success) return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
    setErrors({});
    create.mutate(parsed.data, { onSuccess: setCreated, onError: (err) => err instanceof ApiError && setErrors(err.fieldErrors()) });
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title="Create an API token" description="The token acts with its user's roles, limited to the scopes you pick.">
      <form noValidate className="space-y-4" onSubmit={(e) => (e.preventDefault(), submit())}>
        {chooseUser ? <UserPicker value={userId} onChange={setUserId} error={errors.userId} /> : null}
        <Field label="Name" hint="What uses it, e.g. “nightly lineage export”." error={errors.name}>
          {(p) => <Input {...p} value={name} autoFocus onChange={(e) => setName(e.target.value)} maxLength={100} />}
        </Field>
        <fieldset aria-describedby={errors.scopes ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">Scopes</legend>
          <div className="mt-2 grid gap-1.5">
            {(Object.entries(TOKEN_SCOPES) as [TokenScope, string][]).map(([scope, description]) => (
              <label key={scope} className="flex items-start gap-3 rounded-md border border-slate-200 px-3 py-1.5 hover:bg-slate-50">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 accent-brand-600"
                  checked={scopes.includes(scope)}
                  onChange={() => setScopes(scopes.includes(scope) ? scopes.filter((s) => s !== scope) : [...scopes, scope])}
                />
                <span className="text-sm">
                  <code className="font-medium">{scope}</code>
                  <span className="block text-xs text-slate-500">{description}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.scopes ? <p id="scopes-error" role="alert" className="mt-1 text-xs text-red-600">{errors.scopes}</p> : null}
        </fieldset>
        <Field label="Expires after" error={errors.expiresInDays}>
          {(p) => (
            <Select {...p} value={expiry} onChange={(e) => setExpiry(e.target.value)}>
              {EXPIRY_CHOICES.map((c) => <option key={c.label} value={c.value}>{c.label}</option>)}
            </Select>
          )}
        </Field>
        {formError ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{formError}</p> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create token"}</Button>
        </div>
      </form>
    </Dialog>
  );
}
