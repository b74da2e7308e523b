import "server-only";
import { db } from "../db";
import { toProductDto } from "./products";

export async function listWarehouseCodes() {
  const ws = await db().warehouse.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { code: true, name: true } });
  return ws.map((w) => ({ code: w.code, name: w.name }));
}

export async function productsBySku(skus: string[]) {
  const ps = await db().product.findMany({ where: skus.length ? { sku: { in: skus } } : {}, orderBy: { sku: "asc" }, take: skus.length ? undefined : 100 });
  return ps.map(toProductDto);
}
