import "server-only";
import type { Prisma as P } from "./generated/prisma/client";
import type { Tx } from "./db";
import { AppError } from "./errors";
import type { Actor } from "./audit/service";

/**
 * Runs a scan-driven change at most once per scan id: a phone that retries after a lost answer
 * gets the first answer back and nothing is counted twice. The record is written in the same
 * transaction as the change, so a failed change leaves no record and may be retried.
 */
export async function oncePerScan<T extends P.InputJsonValue>(tx: Tx, actor: Actor, scanId: string, purpose: string, fn: () => Promise<T>): Promise<{ result: T; replay: boolean }> {
  const inserted = await tx.$executeRaw`
    INSERT INTO scan_records (id, purpose, response, user_id, created_at) VALUES (${scanId}::uuid, ${purpose}, '{}'::jsonb, ${actor.id}::uuid, now())
    ON CONFLICT (id) DO NOTHING`;
  if (inserted === 0) {
    const prior = await tx.scanRecord.findUniqueOrThrow({ where: { id: scanId } });
    if (prior.purpose !== purpose) throw new AppError("CONFLICT", "This scan id was used for something else.");
    return { result: prior.response as T, replay: true };
  }
  const result = await fn();
  await tx.$executeRaw`UPDATE scan_records SET response = ${JSON.stringify(result)}::jsonb WHERE id = ${scanId}::uuid`;
  return { result, replay: false };
}

