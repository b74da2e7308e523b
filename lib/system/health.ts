import "server-only";
import { db } from "../db";

export type Health = { status: "ok" | "error"; db: "ok" | "error"; worker: "ok" | "stale" | "unknown"; workerLastSeenAt: string | null };

/** A worker beats every minute; three missed beats mark it stale. */
const STALE_MS = 3 * 60 * 1000;

export async function checkHealth(now = new Date()): Promise<Health> {
  try {
    await db().$queryRaw`SELECT 1`;
  } catch {
    return { status: "error", db: "error", worker: "unknown", workerLastSeenAt: null };
  }
  const last = await db().workerHeartbeat.findFirst({ orderBy: { lastSeenAt: "desc" }, select: { lastSeenAt: true } });
  const worker = !last ? "unknown" : now.getTime() - last.lastSeenAt.getTime() < STALE_MS ? "ok" : "stale";
  return { status: "ok", db: "ok", worker, workerLastSeenAt: last?.lastSeenAt.toISOString() ?? null };
}
