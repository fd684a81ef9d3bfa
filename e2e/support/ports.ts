// Every port the e2e run listens on derives from one base, so engineers running the
// suite side by side (or CI) can move the whole set with E2E_PORT_BASE.
const base = Number(process.env.E2E_PORT_BASE ?? 3210);
if (!Number.isInteger(base) || base < 1024 || base > 65000) throw new Error(`E2E_PORT_BASE must be a port number, got ${process.env.E2E_PORT_BASE}`);

export const PORTS = {
  /** The main production server: OIDC sign-in, 8 h sessions. */
  app: base,
  /** The OIDC identity provider (oidc-provider). */
  oidc: base + 1,
  /** A demo-mode server, started by the specs that need it. */
  demo: base + 2,
  /** An OIDC server with very short sessions, started by the session-expiry spec. */
  shortSession: base + 3,
  /** The worker's demo fakes: lakeFS here, MLflow at +1, Airflow at +2 (see support/worker.ts). */
  fakes: base + 4,
} as const;

export const urlOf = (port: number) => `http://127.0.0.1:${port}`;

/** Shared settings of every app server the suite starts. */
export const NEXTAUTH_SECRET = "e2e-secret-0123456789abcdef0123456789abcdef";
export const OIDC_CLIENT_ID = "coe-portal-e2e";
export const OIDC_CLIENT_SECRET = "e2e-client-secret-0123456789abcdef";
export const OIDC_ADMIN_EMAILS = "adam.admin@demo.local";
