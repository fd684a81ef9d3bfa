import { migrate } from "@/lib/migrate/migrate";
import { scriptDatabaseUrl } from "@/lib/ops/local-data";

// DATABASE_URL, or the embedded database of a running `npm start`.
const url = scriptDatabaseUrl();
migrate(url, { log: (l) => console.log(l) })
  .then((r) => console.log(`migrations: ${r.applied.length} applied, ${r.alreadyApplied} already applied`))
  .catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
