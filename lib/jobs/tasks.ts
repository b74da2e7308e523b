import "server-only";
import os from "node:os";
import type { TaskList } from "graphile-worker";
import { db } from "../db";
import { pruneRateLimitWindows } from "../api/rate-limit";

export const WORKER_ID = `${os.hostname()}:${process.pid}`;

/** Records that this worker is alive; /api/health reads it. */
export async function beat(): Promise<void> {
  const now = new Date();
  await db().workerHeartbeat.upsert({
    where: { id: WORKER_ID },
    create: { id: WORKER_ID, lastSeenAt: now, beats: 1 },
    update: { lastSeenAt: now, beats: { increment: 1 } },
  });
}

/** Removes rate-limit windows and idempotency records that can no longer matter. */
export async function housekeeping(): Promise<{ windows: number; idempotency: number }> {
  const windows = await pruneRateLimitWindows();
  const idempotency = await db().$executeRaw`DELETE FROM idempotency_records WHERE created_at < now() - interval '7 days'`;
  return { windows, idempotency };
}

export const taskList: TaskList = {
  heartbeat: async () => {
    await beat();
  },
  housekeeping: async () => {
    await housekeeping();
  },
};

/** graphile-worker crontab: a heartbeat every minute, housekeeping every ten. */
export const CRONTAB = "* * * * * heartbeat ?max=1\n*/10 * * * * housekeeping ?max=1\n";
