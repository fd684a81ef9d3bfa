import { migrate } from "@/lib/migrate/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. Set it to your PostgreSQL URL (or use `npm start`, which starts an embedded one).");
  process.exit(1);
}
migrate(url, { log: (l) => console.log(l) })
  .then((r) => console.log(`migrations: ${r.applied.length} applied, ${r.alreadyApplied} already applied`))
  .catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
