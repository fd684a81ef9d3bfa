"use client";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import { ApiError } from "@/lib/client/api";
import { useRemoveIntegration, useSaveIntegration, useTestIntegration } from "@/lib/client/use-integrations";
import {
  CHECK_FAILURE_LABELS,
  integrationInputSchema,
  integrationIssues,
  SECRET_LABELS,
  SYSTEM_NAMES,
  type IntegrationCheckView,
  type IntegrationInput,
  type IntegrationSystemName,
  type IntegrationView,
} from "@/lib/environments/integration-schemas";

interface FormState {
  baseUrl: string;
  accessKeyId: string;
  username: string;
  airflowVersion: "" | "2" | "3";
  secret: string;
  /** The secret input is shown: no secret stored yet, or the admin chose to replace it. */
  replacing: boolean;
  clearSecret: boolean;
}

const fromView = (v: IntegrationView | undefined): FormState => ({
  baseUrl: v?.baseUrl ?? "",
  accessKeyId: v?.accessKeyId ?? "",
  username: v?.username ?? "",
  airflowVersion: v?.airflowVersion ?? "",
  secret: "",
  replacing: !v?.secret.set,
  clearSecret: false,
});

/** Only the fields this system takes, empty ones left out (an absent secret keeps the stored one). */
function toInput(system: IntegrationSystemName, f: FormState): IntegrationInput {
  const out: IntegrationInput = { baseUrl: f.baseUrl.trim() };
  if (system === "lakefs" && f.accessKeyId.trim()) out.accessKeyId = f.accessKeyId.trim();
  if (system === "airflow") {
    if (f.username.trim()) out.username = f.username.trim();
    if (f.airflowVersion) out.airflowVersion = f.airflowVersion;
  }
  if (f.replacing && f.secret) out.secret = f.secret;
  if (system === "mlflow" && f.clearSecret) out.clearSecret = true;
  return out;
}

const PURPOSE: Record<IntegrationSystemName, (t: { lakefs: string; dag: string; alias: string }) => string> = {
  lakefs: (t) => `Merges the promoted data into ${t.lakefs}.`,
  mlflow: (t) => `Moves the registered model's alias "${t.alias}" to the promoted version.`,
  airflow: (t) => `Triggers and follows the deploy DAG "${t.dag}".`,
};

const URL_HINT: Record<IntegrationSystemName, string> = {
  lakefs: "The lakeFS server root, e.g. https://lakefs.example.com (the portal adds /api/v1).",
  mlflow: "The MLflow tracking URI, e.g. https://mlflow.example.com.",
  airflow: "The Airflow webserver, e.g. https://airflow.example.com (the portal adds /api/v1 or /api/v2).",
};

export function IntegrationForm({ envKey, system, view, targets }: { envKey: string; system: IntegrationSystemName; view: IntegrationView | undefined; targets: { lakefs: string; dag: string; alias: string } }) {
  const [form, setForm] = useState<FormState>(() => fromView(view));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string>("");
  const [result, setResult] = useState<IntegrationCheckView | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const save = useSaveIntegration(envKey, system);
  const test = useTestIntegration(envKey, system);
  const remove = useRemoveIntegration(envKey, system);
  const headingId = useId();
  const name = SYSTEM_NAMES[system];
  const secretLabel = SECRET_LABELS[system];

  // A save or removal refetches the view: start again from what is stored (state adjusted
  // during render, React's pattern for resetting state when a prop changes).
  const viewStamp = view ? `${view.updatedAt}|${view.secret.setAt}` : "none";
  const [seenStamp, setSeenStamp] = useState(viewStamp);
  if (seenStamp !== viewStamp) {
    setSeenStamp(viewStamp);
    setForm(fromView(view));
  }

  const dirty = JSON.stringify(toInput(system, form)) !== JSON.stringify(toInput(system, fromView(view)));
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));

  /** The same checks as the server, so most mistakes are named before anything is sent. */
  function validated(): IntegrationInput | null {
    const input = toInput(system, form);
    const parsed = integrationInputSchema.safeParse(input);
    const issues = parsed.success ? integrationIssues(system, parsed.data, !!view?.secret.set) : parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ""), message: i.message }));
    setErrors(Object.fromEntries(issues.map((i) => [i.path, i.message])));
    return issues.length ? null : input;
  }
  const fail = (e: unknown) => {
    if (e instanceof ApiError) setErrors({ ...e.fieldErrors(), ...(Object.keys(e.fieldErrors()).length ? {} : { form: e.message }) });
    else setErrors({ form: "The request failed; check your connection and try again." });
  };

  const onSave = () => {
    const input = validated();
    if (!input) return;
    setResult(null);
    save.mutate(input, { onSuccess: () => setNotice(`${name} settings saved. Test the connection to check them.`), onError: fail });
  };
  const onTest = () => {
    // Unsaved changes (or nothing saved yet) are tested as a draft; otherwise the saved settings.
    const draft = dirty || !view ? validated() : undefined;
    if (draft === null) return;
    setNotice("");
    test.mutate(draft, { onSuccess: (r) => (setErrors({}), setResult(r)), onError: fail });
  };

  const status = !view ? <Badge>Not configured</Badge> : !view.lastTest ? <Badge tone="warning">Not tested</Badge> : view.lastTest.ok ? <Badge tone="success">Connection works</Badge> : <Badge tone="danger">Last test failed</Badge>;

  return (
    <Card aria-labelledby={headingId} className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold">{name}</h3>
        {status}
      </div>
      <p className="text-sm text-slate-600">{PURPOSE[system](targets)}</p>
      <form
        noValidate
        className="space-y-3"
        aria-label={`${name} settings`}
        onSubmit={(e) => {
          e.preventDefault();
          onSave();
        }}
      >
        <Field label={system === "mlflow" ? "Tracking URI" : `${name} URL`} hint={URL_HINT[system]} error={errors.baseUrl}>
          {(p) => <Input {...p} type="url" value={form.baseUrl} placeholder="https://" onChange={(e) => set({ baseUrl: e.target.value })} />}
        </Field>
        {system === "lakefs" ? (
          <Field label="Access key id" error={errors.accessKeyId}>
            {(p) => <Input {...p} autoComplete="off" value={form.accessKeyId} onChange={(e) => set({ accessKeyId: e.target.value })} />}
          </Field>
        ) : null}
        {system === "airflow" ? (
          <>
            <Field label="Airflow version" hint="Airflow 2: REST API /api/v1 with basic auth. Airflow 3: REST API /api/v2 with a JWT from /auth/token." error={errors.airflowVersion}>
              {(p) => (
                <Select {...p} value={form.airflowVersion} onChange={(e) => set({ airflowVersion: e.target.value as FormState["airflowVersion"] })}>
                  <option value="">Pick a version</option>
                  <option value="2">Airflow 2 (/api/v1, basic auth)</option>
                  <option value="3">Airflow 3 (/api/v2, JWT)</option>
                </Select>
              )}
            </Field>
            <Field label="User name" error={errors.username}>
              {(p) => <Input {...p} autoComplete="off" value={form.username} onChange={(e) => set({ username: e.target.value })} />}
            </Field>
          </>
        ) : null}
        <SecretField system={system} view={view} form={form} set={set} error={errors.secret ?? errors.clearSecret} label={secretLabel} />
        {errors.form ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{errors.form}</p> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={save.isPending}>{save.isPending ? "Saving…" : `Save ${name}`}</Button>
          <Button variant="secondary" onClick={onTest} disabled={test.isPending || (!view && !form.baseUrl)}>
            {test.isPending ? "Testing…" : dirty || !view ? "Test these settings" : "Test connection"}
          </Button>
          {view ? <Button variant="ghost" onClick={() => setConfirmRemove(true)}>Remove</Button> : null}
        </div>
      </form>
      <div role="status" aria-live="polite" className="space-y-2 text-sm">
        {notice ? <p className="text-emerald-700">{notice}</p> : null}
        {result ? <CheckResult result={result} /> : view?.lastTest ? (
          <p className={view.lastTest.ok ? "text-slate-600" : "text-red-700"}>
            Last test {formatDateTime(view.lastTest.at)}: {view.lastTest.ok ? "" : `${view.lastTest.kind ? CHECK_FAILURE_LABELS[view.lastTest.kind] : "failed"}. `}{view.lastTest.message}
          </p>
        ) : null}
      </div>
      {view ? <p className="text-xs text-slate-500">Saved {formatDateTime(view.updatedAt)}{view.updatedBy ? ` by ${view.updatedBy}` : ""}.</p> : null}
      <Dialog open={confirmRemove} onOpenChange={setConfirmRemove} title={`Remove the ${name} settings?`} description={`Promotions to this environment then fail at the ${name} step (in demo mode, all three systems fall back to the built-in fakes only when none is configured).`}>
        {remove.error ? <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{remove.error.message}</p> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirmRemove(false)} autoFocus>Keep them</Button>
          <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: () => (setConfirmRemove(false), setResult(null), setNotice(`${name} settings removed.`)) })}>
            {remove.isPending ? "Removing…" : "Remove settings"}
          </Button>
        </div>
      </Dialog>
    </Card>
  );
}

function SecretField({ system, view, form, set, error, label }: { system: IntegrationSystemName; view: IntegrationView | undefined; form: FormState; set: (p: Partial<FormState>) => void; error?: string; label: string }) {
  const stored = view?.secret.set && view.secret.setAt;
  if (stored && !form.replacing) {
    return (
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-700">{label}</p>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span data-testid={`${system}-secret-status`} className={form.clearSecret ? "text-slate-400 line-through" : "text-slate-700"}>Set on {formatDateTime(stored)}</span>
          <Button size="sm" variant="secondary" onClick={() => set({ replacing: true, clearSecret: false })}>Replace {label.toLowerCase()}</Button>
          {system === "mlflow" ? (
            <label className="flex items-center gap-1 text-slate-600">
              <input type="checkbox" checked={form.clearSecret} onChange={(e) => set({ clearSecret: e.target.checked })} /> Remove the token (server without authentication)
            </label>
          ) : null}
        </div>
        {error ? <p role="alert" className="text-xs text-red-600">{error}</p> : <p className="text-xs text-slate-500">Stored encrypted; it is never shown again.</p>}
      </div>
    );
  }
  return (
    <Field label={label} hint={system === "mlflow" ? "Optional: only for a tracking server that requires a token. Stored encrypted; never shown again." : "Stored encrypted; never shown again after saving."} error={error}>
      {(p) => (
        <div className="flex gap-2">
          <Input {...p} type="password" autoComplete="new-password" value={form.secret} onChange={(e) => set({ secret: e.target.value })} />
          {stored ? <Button variant="ghost" onClick={() => set({ replacing: false, secret: "" })}>Keep the stored one</Button> : null}
        </div>
      )}
    </Field>
  );
}

function CheckResult({ result }: { result: IntegrationCheckView }) {
  const what = result.tested === "draft" ? "These settings (not saved)" : "The saved settings";
  if (result.ok) {
    return (
      <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-emerald-900">
        <p><span className="font-medium">{what} work.</span> {result.message}</p>
        {result.warning ? <p className="mt-1 text-amber-800">Warning: {result.warning}</p> : null}
      </div>
    );
  }
  return (
    <div className="rounded-md border border-red-200 bg-red-50 p-3 text-red-900">
      <p className="font-medium">{what} failed: {result.kind ? CHECK_FAILURE_LABELS[result.kind] : "error"}.</p>
      <p className="mt-1">{result.message}</p>
    </div>
  );
}
