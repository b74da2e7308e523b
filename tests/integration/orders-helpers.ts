import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { createChannel } from "@/lib/channels/service";
import type { OrderInput } from "@/lib/orders/schema";

export async function makeChannel(warehouses: string[], opts: { allowSplit?: boolean; taxRate?: string; pricesIncludeTax?: boolean; currency?: string } = {}) {
  const code = `C${randomUUID().slice(0, 6).toUpperCase()}`;
  const c = await createChannel(SYSTEM_ACTOR, { code, name: `Channel ${code}`, type: "webshop", currency: opts.currency ?? "USD", warehouses, allowSplit: opts.allowSplit ?? true, taxRate: opts.taxRate, pricesIncludeTax: opts.pricesIncludeTax });
  const row = await db().channel.findUniqueOrThrow({ where: { code } });
  return { ...c, id: row.id };
}

export function orderBody(lines: { sku: string; quantity: number; unitPrice?: string }[], extra: Partial<OrderInput> = {}): OrderInput {
  return {
    externalId: `EXT-${randomUUID().slice(0, 12)}`,
    currency: "USD",
    customer: { name: "Casey Customer", email: "casey@example.test" },
    shippingAddress: { name: "Casey Customer", line1: "1 Main St", city: "Springfield", postalCode: "12345", country: "US" },
    lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice ?? "10.00" })),
    ...extra,
  };
}
