// Placeholder for the background worker (jobs on the same database as the web
// server). `npm start` runs it beside the web server; the real worker replaces
// this file. It stays up until SIGTERM/SIGINT and then exits cleanly.
const say = (msg: string) => console.log(JSON.stringify({ level: "info", service: "coe-worker", time: Date.now(), msg }));

say("worker started: no background jobs yet, idle");
const keepAlive = setInterval(() => {}, 1 << 30);
const stop = (signal: string) => {
  clearInterval(keepAlive);
  say(`worker stopped (${signal})`);
  process.exit(0);
};
process.once("SIGTERM", () => stop("SIGTERM"));
process.once("SIGINT", () => stop("SIGINT"));
export {};
