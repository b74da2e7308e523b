import "server-only";
import { z } from "zod";
import { transaction } from "../db";
import { AppError, issuesFromZod } from "../errors";
import { hmacHex, safeEqualHex } from "../crypto";
import { channelSecret } from "../channels/service";
import { orderInput } from "./schema";
import { cancelOrder, createOrder } from "./service";

export const SIGNATURE_TOLERANCE_S = 300;

const eventSchema = z.discriminatedUnion("type", [
  z.object({ id: z.string().min(1).max(200), type: z.literal("order.created"), data: orderInput }).strict(),
  z.object({ id: z.string().min(1).max(200), type: z.literal("order.cancelled"), data: z.object({ externalId: z.string().min(1).max(128) }).strict() }).strict(),
]);

/** Checks `Quartermaster-Signature: t=<unix s>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export function verifySignature(header: string | null, raw: string, secret: string, now = Date.now()): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > SIGNATURE_TOLERANCE_S) return false;
  const expected = hmacHex(secret, `${t}.${raw}`);
  return typeof parts.v1 === "string" && /^[0-9a-f]+$/i.test(parts.v1) && safeEqualHex(parts.v1.toLowerCase(), expected);
}

export function signPayload(secret: string, raw: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${hmacHex(secret, `${t}.${raw}`)}`;
}

/**
 * Handles one signed event. The event id is recorded in the same transaction as its effect,
 * so a delivery repeated (even at the same moment) changes nothing.
 */
export async function receiveWebhook(code: string, signature: string | null, raw: string): Promise<{ received: true; duplicate: boolean }> {
  const ch = await transaction((tx) => channelSecret(tx, code));
  if (!ch) throw new AppError("NOT_FOUND", "Unknown channel.");
  if (!verifySignature(signature, raw, ch.secret)) throw new AppError("UNAUTHENTICATED", "The signature is missing, wrong or too old.");
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
  const parsed = eventSchema.safeParse(body);
  if (!parsed.success) throw new AppError("VALIDATION", "The event is invalid.", { issues: issuesFromZod(parsed.error) });
  const e = parsed.data;
  const actor = { id: null, label: `webhook:${code}` };
  return transaction(
    async (tx) => {
      const inserted = await tx.$queryRaw<{ event_id: string }[]>`
        INSERT INTO webhook_events (channel_id, event_id, type) VALUES (${ch.id}::uuid, ${e.id}, ${e.type})
        ON CONFLICT DO NOTHING RETURNING event_id`;
      if (!inserted.length) return { received: true as const, duplicate: true };
      if (e.type === "order.created") {
        const r = await createOrder(actor, { channelId: ch.id, input: e.data, tx });
        await tx.webhookEvent.update({ where: { channelId_eventId: { channelId: ch.id, eventId: e.id } }, data: { orderId: r.orderId } });
      } else {
        const o = await tx.order.findUnique({ where: { channelId_externalId: { channelId: ch.id, externalId: e.data.externalId } }, select: { id: true } });
        if (!o) throw new AppError("NOT_FOUND", `No order ${e.data.externalId} for this channel.`);
        await cancelOrder(actor, { orderId: o.id, reason: "cancelled by the channel", tx });
        await tx.webhookEvent.update({ where: { channelId_eventId: { channelId: ch.id, eventId: e.id } }, data: { orderId: o.id } });
      }
      return { received: true as const, duplicate: false };
    },
    { timeoutMs: 30_000 },
  );
}
