"use server";
import { defineAction } from "@/lib/actions";
import { actorOf } from "@/lib/audit/service";
import { adjustStockAndFillBackorders } from "@/lib/orders/service";
import { holdStock, releaseHold } from "@/lib/inventory/holds";
import { holdInput, releaseHoldInput } from "@/lib/inventory/hold-schema";
import { createProduct, updateProduct } from "@/lib/inventory/products";
import { setReorderRule } from "@/lib/inventory/reorder";
import { adjustmentInput, createProductInput, reorderRuleInput, updateProductInput } from "@/lib/inventory/schema";

const revalidate = ["/inventory"];

export const createProductAction = defineAction({
  permission: "inventory.manage",
  schema: createProductInput,
  revalidate,
  run: (input, user) => createProduct(actorOf(user), input),
});

export const updateProductAction = defineAction({
  permission: "inventory.manage",
  schema: updateProductInput,
  revalidate,
  run: (input, user) => updateProduct(actorOf(user), input),
});

export const adjustStockAction = defineAction({
  permission: "inventory.adjust",
  schema: adjustmentInput,
  revalidate,
  run: async (input, user) => {
    const r = await adjustStockAndFillBackorders(actorOf(user), input);
    return { sku: r.sku, quantity: r.quantity };
  },
});

export const holdStockAction = defineAction({
  permission: "inventory.manage",
  schema: holdInput,
  revalidate,
  run: (input, user) => holdStock(actorOf(user), input),
});

export const releaseHoldAction = defineAction({
  permission: "inventory.manage",
  schema: releaseHoldInput,
  revalidate,
  run: (input, user) => releaseHold(actorOf(user), input),
});

export const setReorderRuleAction = defineAction({
  permission: "inventory.manage",
  schema: reorderRuleInput,
  revalidate,
  run: (input, user) => setReorderRule(actorOf(user), input),
});
