import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import Provider from "oidc-provider";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, PORTS, urlOf } from "./ports";

// A real OpenID Connect identity provider for the browser tests. Its development
// interactions show a login form (any login; the login IS the e-mail address, and
// the password is ignored) and a consent page, exactly as a browser sees them.

export interface OidcServer {
  issuer: string;
  stop: () => Promise<void>;
}

export async function startOidcServer(port = PORTS.oidc): Promise<OidcServer> {
  const issuer = urlOf(port);
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const appPorts = [PORTS.app, PORTS.demo, PORTS.shortSession];
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: appPorts.map((p) => `${urlOf(p)}/api/auth/callback/oidc`),
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "e2e", use: "sig", alg: "RS256" }] },
    cookies: { keys: ["e2e-oidc-cookie-key-0123456789"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // next-auth reads the profile from the ID token, so put the scope's claims there.
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: true, name: nameOf(id) }),
    }),
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** "rita.reviewer@demo.local" -> "Rita Reviewer": what an IdP would send as the display name. */
function nameOf(email: string): string {
  return email
    .split("@")[0]!
    .split(/[._-]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(" ");
}
