import { apiRoute } from "@/lib/api/handler";
import { apiActor } from "@/lib/api/keys";
import { adjustStockAndFillBackorders } from "@/lib/orders/service";
import { inventoryForSkus } from "@/lib/inventory/queries";
import { adjustmentInput } from "@/lib/inventory/schema";

/** POST /api/v1/inventory/adjustments (admin): 201 with the item's inventory entry; 409 when stock is short. */
export const POST = apiRoute({
  auth: "admin",
  body: adjustmentInput,
  run: async ({ body, principal }) => {
    const r = await adjustStockAndFillBackorders(apiActor(principal), body);
    const [entry] = await inventoryForSkus([r.sku]);
    return { status: 201, body: { ...entry, adjustment: { id: r.adjustmentId, quantity: r.quantity, value: r.value.toString() } } };
  },
});
