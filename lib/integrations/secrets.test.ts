import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { SecretError, encryptSecret, secretBox } from "./secrets";

const box = secretBox("k".repeat(32));

describe("integration secrets", () => {
  it("round-trips a secret and never stores it in clear", () => {
    const stored = box.encrypt("lakefs-secret-key", "environment:prod:lakefs");
    expect(stored).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(stored).not.toContain("lakefs-secret-key");
    expect(box.decrypt(stored, "environment:prod:lakefs")).toBe("lakefs-secret-key");
  });

  it("encrypts the same secret differently each time (random IV)", () => {
    expect(box.encrypt("same")).not.toBe(box.encrypt("same"));
  });

  it("refuses a secret moved to another record", () => {
    const stored = box.encrypt("token", "environment:prod:mlflow");
    expect(() => box.decrypt(stored, "environment:dev:mlflow")).toThrow(/integrity check/);
  });

  it("refuses a tampered secret", () => {
    const stored = box.encrypt("token");
    const last = stored.at(-1) === "A" ? "B" : "A";
    expect(() => box.decrypt(stored.slice(0, -1) + last)).toThrow(SecretError);
  });

  it("says so when the secret was saved with another key", () => {
    const other = secretBox("o".repeat(32)).encrypt("token");
    expect(() => box.decrypt(other)).toThrow(/different ENCRYPTION_KEY/);
  });

  it("rejects garbage", () => {
    expect(() => box.decrypt("not-a-secret")).toThrow(/format/);
  });

  it("explains how to fix a missing ENCRYPTION_KEY when a secret must be stored", () => {
    // This file's process has its own parsed environment; nothing has read it yet.
    delete process.env.ENCRYPTION_KEY;
    expect(() => encryptSecret("token")).toThrow(/ENCRYPTION_KEY is not set, so integration secrets cannot be encrypted or read\. To fix it, set ENCRYPTION_KEY/);
  });

  it("rejects a short ENCRYPTION_KEY at start-up with a sentence naming it", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgresql://x@localhost/db", DEMO_MODE: "true", ENCRYPTION_KEY: "short" })).toThrow(/ENCRYPTION_KEY must be at least 32 characters/);
  });
});
