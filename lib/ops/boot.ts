import { EnvError, parseEnv } from "@/lib/env";

/**
 * A bad configuration stops the server with a sentence naming the variable, instead of
 * serving pages that fail later. Shutdown is left to Next's own SIGTERM/SIGINT handler,
 * which stops accepting connections and drains in-flight requests before it exits; a
 * handler of ours calling process.exit would cut those requests off mid-way.
 */
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
}
