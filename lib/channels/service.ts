import "server-only";
import { isUniqueViolation, transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../audit/service";
import { decryptSecret, encryptSecret, newSecret } from "../crypto";
import { isCurrency } from "../money";
import type { ChannelInput } from "../orders/schema";

export type ChannelDto = { code: string; name: string; type: string; currency: string };

export function channelDto(c: { code: string; name: string; type: string; currency: string }): ChannelDto {
  return { code: c.code, name: c.name, type: c.type.toLowerCase(), currency: c.currency };
}

async function warehouseIds(tx: Tx, codes: string[]): Promise<string[]> {
  const ws = await tx.warehouse.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  const byCode = new Map(ws.map((w) => [w.code, w.id]));
  const missing = codes.filter((c) => !byCode.has(c));
  if (missing.length) throw new AppError("VALIDATION", `Unknown warehouse ${missing.join(", ")}.`, { issues: [{ path: "warehouses", message: `Unknown warehouse ${missing.join(", ")}` }] });
  if (new Set(codes).size !== codes.length) throw new AppError("VALIDATION", "A warehouse is listed twice.", { issues: [{ path: "warehouses", message: "Listed twice" }] });
  return codes.map((c) => byCode.get(c)!);
}

/** Creates a channel; its webhook secret is returned this once and stored encrypted. */
export async function createChannel(actor: Actor, input: ChannelInput): Promise<ChannelDto & { webhookSecret: string }> {
  if (!isCurrency(input.currency)) throw new AppError("VALIDATION", "Unknown currency.", { issues: [{ path: "currency", message: "Unknown currency code" }] });
  const webhookSecret = newSecret("whsec");
  try {
    return await transaction(async (tx) => {
      const ids = await warehouseIds(tx, input.warehouses);
      const c = await tx.channel.create({
        data: {
          code: input.code,
          name: input.name,
          type: input.type.toUpperCase() as "WEBSHOP",
          platform: input.platform,
          currency: input.currency,
          allowSplit: input.allowSplit ?? true,
          taxRate: input.taxRate ?? "0",
          pricesIncludeTax: input.pricesIncludeTax ?? false,
          webhookSecretEnc: encryptSecret(webhookSecret),
          warehouses: { create: ids.map((warehouseId, i) => ({ warehouseId, priority: i + 1 })) },
        },
      });
      await recordAudit(tx, { actor, action: "channel.create", entityType: "Channel", entityId: c.id, after: { ...input } });
      return { ...channelDto(c), webhookSecret };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `Channel ${input.code} exists.`, { issues: [{ path: "code", message: "Already in use" }] });
    throw e;
  }
}

export async function updateChannel(actor: Actor, input: ChannelInput): Promise<ChannelDto> {
  return transaction(async (tx) => {
    const before = await tx.channel.findUnique({ where: { code: input.code }, include: { warehouses: true } });
    if (!before) throw new AppError("NOT_FOUND", "Channel not found.");
    if (before.currency !== input.currency && (await tx.order.count({ where: { channelId: before.id } })) > 0)
      throw new AppError("CONFLICT", "The currency of a channel with orders cannot change.", { issues: [{ path: "currency", message: "The channel has orders" }] });
    const ids = await warehouseIds(tx, input.warehouses);
    await tx.channelWarehouse.deleteMany({ where: { channelId: before.id } });
    const c = await tx.channel.update({
      where: { id: before.id },
      data: {
        name: input.name,
        type: input.type.toUpperCase() as "WEBSHOP",
        platform: input.platform ?? null,
        currency: input.currency,
        allowSplit: input.allowSplit ?? true,
        taxRate: input.taxRate ?? "0",
        pricesIncludeTax: input.pricesIncludeTax ?? false,
        warehouses: { create: ids.map((warehouseId, i) => ({ warehouseId, priority: i + 1 })) },
      },
    });
    await recordAudit(tx, { actor, action: "channel.update", entityType: "Channel", entityId: c.id, before: { ...before, webhookSecretEnc: undefined }, after: input });
    return channelDto(c);
  });
}

export async function rotateWebhookSecret(actor: Actor, code: string): Promise<{ webhookSecret: string }> {
  const webhookSecret = newSecret("whsec");
  return transaction(async (tx) => {
    const c = await tx.channel.findUnique({ where: { code } });
    if (!c) throw new AppError("NOT_FOUND", "Channel not found.");
    await tx.channel.update({ where: { id: c.id }, data: { webhookSecretEnc: encryptSecret(webhookSecret) } });
    await recordAudit(tx, { actor, action: "channel.rotate_webhook_secret", entityType: "Channel", entityId: c.id });
    return { webhookSecret };
  });
}

export async function channelSecret(tx: Tx, code: string): Promise<{ id: string; secret: string } | null> {
  const c = await tx.channel.findUnique({ where: { code }, select: { id: true, webhookSecretEnc: true, active: true } });
  if (!c || !c.active) return null;
  return { id: c.id, secret: decryptSecret(c.webhookSecretEnc) };
}
