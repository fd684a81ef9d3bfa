// Runs once when the server starts (see lib/ops/boot.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { boot } = await import("@/lib/ops/boot");
    boot();
  }
}
