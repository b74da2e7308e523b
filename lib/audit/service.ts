import "server-only";
import type { Prisma, Tx } from "../db";

export type Actor = { id: string | null; label: string };

export const SYSTEM_ACTOR: Actor = { id: null, label: "system" };

export function actorOf(user: { id: string; email: string }): Actor {
  return { id: user.id, label: user.email };
}

type Json = Prisma.InputJsonValue;

/** Makes a value JSON-safe for the audit log (bigint → string, Date → ISO, secrets removed). */
export function auditSnapshot(value: unknown): Json | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (k, v) => {
      if (/password|secret|hash|token/i.test(k)) return "[redacted]";
      return typeof v === "bigint" ? v.toString() : v;
    }),
  ) as Json;
}

/** Records who did what to which entity, with before/after, inside the caller's transaction. */
export async function recordAudit(
  tx: Tx,
  entry: { actor: Actor; action: string; entityType: string; entityId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: auditSnapshot(entry.before),
      after: auditSnapshot(entry.after),
    },
  });
}
