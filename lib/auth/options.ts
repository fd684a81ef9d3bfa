import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { provisionOidcUser } from "@/lib/auth/provision";

const oidcProfileSchema = z.object({ sub: z.string().min(1), email: z.string().email(), name: z.string().optional() });

function buildOptions(): NextAuthOptions {
  const e = env();
  const providers: NextAuthOptions["providers"] = [];
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: "Single sign-on",
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile) {
        const p = oidcProfileSchema.parse(profile);
        return { id: p.sub, email: p.email, name: p.name ?? p.email };
      },
    });
  }
  if (e.DEMO_MODE) {
    providers.push(
      CredentialsProvider({
        id: "demo",
        name: "Demo persona",
        credentials: { email: { label: "Persona e-mail", type: "email" } },
        // Demo mode only: picking a seeded persona signs in as it. parseEnv refuses
        // demo mode together with OIDC or on a non-local URL.
        async authorize(credentials) {
          const email = z.string().email().safeParse(credentials?.email);
          if (!email.success) return null;
          const user = await db().user.findUnique({ where: { email: email.data }, select: { id: true, email: true, name: true, active: true } });
          return user?.active ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    );
  }
  return {
    secret: e.NEXTAUTH_SECRET,
    providers,
    session: { strategy: "jwt", maxAge: e.SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: e.SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async signIn({ account, profile, user }) {
        if (account?.provider !== "oidc") return true;
        const p = oidcProfileSchema.safeParse(profile);
        if (!p.success) return "/signin?error=ProfileIncomplete";
        const provisioned = await provisionOidcUser({ subject: p.data.sub, email: p.data.email, name: p.data.name ?? p.data.email });
        if (!provisioned) return "/signin?error=AccountDisabled";
        user.id = provisioned.id;
        return true;
      },
      async jwt({ token, user }) {
        if (user) token.uid = user.id;
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: typeof token.uid === "string" ? token.uid : undefined };
      },
    },
  };
}

let cached: NextAuthOptions | undefined;
export function authOptions(): NextAuthOptions {
  cached ??= buildOptions();
  return cached;
}
