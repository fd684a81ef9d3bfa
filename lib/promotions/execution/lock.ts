import pg from "pg";

// Exactly one worker executes a promotion at a time: it holds a session-level advisory
// lock on a dedicated connection. If the worker dies (even SIGKILL), PostgreSQL sees the
// connection close and releases the lock, so another worker can continue at once.
export interface ExecutionLock {
  release(): Promise<void>;
}

export async function tryLockPromotion(databaseUrl: string, promotionId: string): Promise<ExecutionLock | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext('promotion:' || $1)) AS ok", [promotionId]);
    if (!r.rows[0]?.ok) {
      await client.end();
      return null;
    }
  } catch (e) {
    await client.end().catch(() => {});
    throw e;
  }
  return {
    release: async () => {
      await client.query("SELECT pg_advisory_unlock(hashtext('promotion:' || $1))", [promotionId]).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
