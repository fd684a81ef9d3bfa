import { EnvError, parseEnv } from "@/lib/env";
import { installShutdownHandlers } from "@/lib/ops/shutdown";

/** A bad configuration stops the server with a sentence naming the variable, instead of serving pages that fail later. */
export function boot(): void {
  try {
    parseEnv(process.env);
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  installShutdownHandlers();
}
