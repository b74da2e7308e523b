import "server-only";
import { db } from "../db";

export async function listChannels() {
  const cs = await db().channel.findMany({ orderBy: { code: "asc" }, include: { warehouses: { orderBy: { priority: "asc" } }, _count: { select: { orders: true } } } });
  const ws = await db().warehouse.findMany({ select: { id: true, code: true } });
  const code = new Map(ws.map((w) => [w.id, w.code]));
  return cs.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    type: c.type.toLowerCase(),
    platform: c.platform,
    currency: c.currency,
    allowSplit: c.allowSplit,
    taxRate: c.taxRate.toString(),
    pricesIncludeTax: c.pricesIncludeTax,
    active: c.active,
    warehouses: c.warehouses.map((w) => code.get(w.warehouseId) ?? "?"),
    orders: c._count.orders,
  }));
}
