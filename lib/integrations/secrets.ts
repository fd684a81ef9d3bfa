import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { encryptionKey } from "@/lib/env";

// Integration secrets (lakeFS secret keys, MLflow tokens, Airflow passwords) at rest: AES-256-GCM
// with a key derived from ENCRYPTION_KEY. Stored form: "v1.<key id>.<base64url(iv | tag | ciphertext)>".
// The key id tells "saved with another key" apart from "tampered with"; the optional context
// (e.g. "environment:prod:lakefs") binds a ciphertext to its record so it cannot be moved to another.

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretError";
  }
}

interface Box {
  encrypt(plaintext: string, context?: string): string;
  decrypt(stored: string, context?: string): string;
}

/** A box for one key; `encryptSecret` / `decryptSecret` use ENCRYPTION_KEY. */
export function secretBox(secret: string): Box {
  const key = Buffer.from(hkdfSync("sha256", secret, "", "coe-portal integration secrets v1", 32));
  const keyId = createHash("sha256").update(key).digest("hex").slice(0, 8);
  return {
    encrypt(plaintext, context = "") {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(context));
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return `${VERSION}.${keyId}.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64url")}`;
    },
    decrypt(stored, context = "") {
      const [version, storedKeyId, payload] = stored.split(".");
      if (version !== VERSION || !storedKeyId || payload === undefined) throw new SecretError("The stored secret is not in a format this portal can read.");
      if (storedKeyId !== keyId)
        throw new SecretError("The stored secret was encrypted with a different ENCRYPTION_KEY: restore the original key, or enter the secret again.");
      const raw = Buffer.from(payload, "base64url");
      if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretError("The stored secret is truncated.");
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretError("The stored secret failed its integrity check (altered, or saved for another record); enter it again.");
      }
    },
  };
}

let box: { secret: string; box: Box } | undefined;
function current(): Box {
  const secret = encryptionKey();
  if (box?.secret !== secret) box = { secret, box: secretBox(secret) };
  return box.box;
}

export const encryptSecret = (plaintext: string, context?: string) => current().encrypt(plaintext, context);
export const decryptSecret = (stored: string, context?: string) => current().decrypt(stored, context);

/** For forms: shows that a secret is set without ever showing it again. */
export const maskSecret = (stored: string | null | undefined) => (stored ? "••••••••" : "");
