import "server-only";
import os from "node:os";
import type { TaskList } from "graphile-worker";
import { db } from "../db";

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

export const taskList: TaskList = {
  heartbeat: async () => {
    await beat();
  },
};

/** graphile-worker crontab: a heartbeat every minute. */
export const CRONTAB = "* * * * * heartbeat ?max=1\n";
