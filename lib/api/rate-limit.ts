import "server-only";
import { db } from "../db";
import { env } from "../env";

/**
 * A fixed one-minute window per key, counted in PostgreSQL so that every web process shares
 * it. Returns the seconds to wait when over the limit, else null.
 */
export async function hitRateLimit(bucket: string, now = new Date()): Promise<number | null> {
  const limit = env().API_RATE_LIMIT_PER_MINUTE;
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [row] = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_windows (bucket, window_start, count) VALUES (${bucket}, ${windowStart}, 1)
    ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limit_windows.count + 1
    RETURNING count`;
  if ((row?.count ?? 0) <= limit) return null;
  return Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000));
}

/** Old windows are removed by the worker's housekeeping. */
export async function pruneRateLimitWindows(): Promise<number> {
  return db().$executeRaw`DELETE FROM rate_limit_windows WHERE window_start < now() - interval '10 minutes'`;
}
