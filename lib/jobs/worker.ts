import "server-only";
import { run, type Runner } from "graphile-worker";
import { env } from "../env";
import { CRONTAB, beat, taskList } from "./tasks";

/**
 * Starts the background worker on the PostgreSQL job queue (graphile-worker: LISTEN/NOTIFY,
 * row locks with SKIP LOCKED, so any number of workers can run against one database).
 */
export async function startWorker(opts: { concurrency?: number } = {}): Promise<Runner> {
  const runner = await run({
    connectionString: env().DATABASE_URL,
    concurrency: opts.concurrency ?? 4,
    noHandleSignals: true,
    pollInterval: 2000,
    taskList,
    crontab: CRONTAB,
  });
  await beat();
  // Snapshots missing since the last run (a fresh database, backdated imports) are built at once.
  await runner.addJob("stock_snapshots", {}, { jobKey: "stock_snapshots" });
  return runner;
}
