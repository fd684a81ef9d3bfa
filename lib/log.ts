import "server-only";
import pino from "pino";

// Structured JSON logs. Credentials never reach the log: headers and fields that
// can carry them are redacted by path.
export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "coe-portal" },
  redact: {
    paths: [
      "authorization",
      "*.authorization",
      "headers.authorization",
      "headers.cookie",
      // A request object logged whole (`{ req }`) carries its headers one level down.
      "*.headers.authorization",
      "*.headers.cookie",
      "cookie",
      "*.cookie",
      "token",
      "*.token",
      "secret",
      "*.secret",
      "password",
      "*.password",
    ],
    censor: "[redacted]",
  },
});
