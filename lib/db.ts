import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, Prisma } from "./generated/prisma/client";
import { env } from "./env";

export { Prisma };
export type Tx = Prisma.TransactionClient;

const globalForPrisma = globalThis as unknown as { qmPrisma?: PrismaClient };

function create(): PrismaClient {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start / npm run dev set it for the embedded database).");
  const adapter = new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  return new PrismaClient({ adapter });
}

/** The one Prisma client of the process (created on first use). */
export function db(): PrismaClient {
  globalForPrisma.qmPrisma ??= create();
  return globalForPrisma.qmPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.qmPrisma?.$disconnect();
  globalForPrisma.qmPrisma = undefined;
}

const RETRYABLE_PG = new Set(["40001", "40P01"]);

/** Serialization failures and deadlocks are safe to retry: the whole transaction runs again. */
export function isRetryable(e: unknown): boolean {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 6; depth++) {
    const o = cur as { code?: unknown; originalCode?: unknown; meta?: { code?: unknown }; cause?: unknown };
    if (o.code === "P2034") return true;
    if (typeof o.code === "string" && RETRYABLE_PG.has(o.code)) return true;
    if (typeof o.originalCode === "string" && RETRYABLE_PG.has(o.originalCode)) return true;
    if (typeof o.meta?.code === "string" && RETRYABLE_PG.has(o.meta.code)) return true;
    cur = o.cause ?? (o as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError;
  }
  return false;
}

/** The unique-violation check for idempotent inserts. */
export function isUniqueViolation(e: unknown): boolean {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 6; depth++) {
    const o = cur as { code?: unknown; originalCode?: unknown; kind?: unknown; cause?: unknown };
    if (o.code === "P2002" || o.code === "23505" || o.originalCode === "23505" || o.kind === "UniqueConstraintViolation") return true;
    cur = o.cause ?? (o as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError;
  }
  return false;
}

/**
 * Runs one use case in one transaction, retrying serialization failures and deadlocks
 * with jittered backoff. Never call email/HTTP inside: write an outbox row instead.
 */
export async function transaction<T>(
  fn: (tx: Tx) => Promise<T>,
  opts: { isolationLevel?: Prisma.TransactionIsolationLevel; maxAttempts?: number; timeoutMs?: number } = {},
): Promise<T> {
  const maxAttempts = opts.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(fn, {
        isolationLevel: opts.isolationLevel ?? Prisma.TransactionIsolationLevel.ReadCommitted,
        timeout: opts.timeoutMs ?? 15_000,
        maxWait: 10_000,
      });
    } catch (e) {
      if (attempt >= maxAttempts || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * 2 ** attempt));
    }
  }
}
