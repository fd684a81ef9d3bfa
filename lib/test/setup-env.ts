import { inject } from "vitest";

// Services read DATABASE_URL; point them at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DEMO_MODE ??= "true";
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret";
process.env.LOG_LEVEL ??= "silent";
