import "server-only";
import os from "node:os";
import type { TaskList } from "graphile-worker";
import { db } from "../db";
import { pruneRateLimitWindows } from "../api/rate-limit";
import { deliverOutbox, queueDigests } from "../alerts/outbox";
import { buildStockSnapshots } from "../inventory/snapshots";

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
  /** Sends what the outbox holds (queued at commit by a new alert, and swept every minute for retries). */
  deliver_outbox: async () => {
    for (let i = 0; i < 20; i++) {
      const r = await deliverOutbox();
      if (r.sent + r.failed === 0) break;
    }
  },
  /** Month-start stock snapshots for fast "stock as of" (missing or invalidated ones). */
  stock_snapshots: async () => {
    await buildStockSnapshots();
  },
  /** Daily digests for users who chose them. */
  alert_digest: async () => {
    if ((await queueDigests()) > 0) await deliverOutbox();
  },
};

/** graphile-worker crontab: heartbeat and outbox sweep every minute, housekeeping every ten, digests at 07:00 UTC, stock snapshots at 00:15 UTC. */
export const CRONTAB = "* * * * * heartbeat ?max=1\n* * * * * deliver_outbox ?max=1\n*/10 * * * * housekeeping ?max=1\n0 7 * * * alert_digest ?max=1\n15 0 * * * stock_snapshots ?max=1\n";
