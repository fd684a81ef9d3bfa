import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DemoPersonaPicker } from "@/components/auth/demo-persona-picker";
import { OidcSignInButton } from "@/components/auth/oidc-sign-in-button";
import { currentActor } from "@/lib/auth/session-actor";
import { listDemoPersonas } from "@/lib/auth/demo-personas";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  AccountDisabled: "Your account is deactivated. Ask an admin to reactivate it.",
  ProfileIncomplete: "Your identity provider did not send an e-mail address; ask its admin to release the email claim.",
  CredentialsSignin: "That persona could not sign in.",
  OAuthCallback: "Single sign-on failed on the way back from the identity provider. Try again.",
  SessionRequired: "Your session expired. Sign in again.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl: rawCallback, error } = await searchParams;
  // Only same-site paths: never bounce a user to another origin after sign-in.
  const callbackUrl = rawCallback?.startsWith("/") && !rawCallback.startsWith("//") ? rawCallback : "/";
  if (await currentActor()) redirect(callbackUrl);
  const e = env();
  const oidc = !!e.OIDC_ISSUER;
  const personas = e.DEMO_MODE ? await listDemoPersonas() : [];
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-6 py-12">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-700">AI CoE Portal</h1>
      <p className="mt-2 text-slate-600">Sign in to decide, record and govern the CoE&apos;s AI work.</p>
      {error ? (
        <p role="alert" className="mt-6 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {ERRORS[error] ?? "Sign-in failed. Try again."}
        </p>
      ) : null}
      <div className="mt-8 space-y-6">
        {oidc ? <OidcSignInButton callbackUrl={callbackUrl} /> : null}
        {e.DEMO_MODE ? <DemoPersonaPicker personas={personas} callbackUrl={callbackUrl} /> : null}
      </div>
    </main>
  );
}
