import "server-only";
import { transaction } from "../db";
import { recordAudit, type Actor } from "../audit/service";
import { findWarehouse } from "./locations";
import { findProductBySku } from "./products";
import type { ReorderRuleInput } from "./schema";

export type ReorderRuleDto = { sku: string; warehouse: string; reorderPoint: number; reorderQuantity: number | null; orderUpTo: number | null; multiple: number | null };

/** Creates or replaces the reorder point of an item at a warehouse. */
export async function setReorderRule(actor: Actor, input: ReorderRuleInput): Promise<ReorderRuleDto> {
  return transaction(async (tx) => {
    const product = await findProductBySku(tx, input.sku);
    const warehouse = await findWarehouse(tx, input.warehouse);
    const key = { productId_warehouseId: { productId: product.id, warehouseId: warehouse.id } };
    const before = await tx.reorderRule.findUnique({ where: key });
    const rule = await tx.reorderRule.upsert({
      where: key,
      create: { productId: product.id, warehouseId: warehouse.id, reorderPoint: input.reorderPoint, reorderQuantity: input.reorderQuantity, orderUpTo: input.orderUpTo, multiple: input.multiple },
      update: { reorderPoint: input.reorderPoint, reorderQuantity: input.reorderQuantity ?? null, orderUpTo: input.orderUpTo ?? null, multiple: input.multiple ?? null },
    });
    const dto = { sku: product.sku, warehouse: warehouse.code, reorderPoint: rule.reorderPoint, reorderQuantity: rule.reorderQuantity, orderUpTo: rule.orderUpTo, multiple: rule.multiple };
    await recordAudit(tx, { actor, action: "reorder_rule.set", entityType: "Product", entityId: product.id, before, after: dto });
    return dto;
  });
}
