import { apiRoute } from "@/lib/api/handler";
import { inventoryForSkus } from "@/lib/inventory/queries";
import { AppError } from "@/lib/errors";

/** GET /api/v1/inventory?sku=A&sku=B (any key; channel keys use it as their stock feed). */
export const GET = apiRoute({
  auth: "any",
  run: async ({ url }) => {
    const skus = url.searchParams.getAll("sku");
    if (!skus.length) throw new AppError("VALIDATION", "Name at least one SKU: ?sku=A&sku=B.", { issues: [{ path: "sku", message: "Required" }] });
    if (skus.length > 500) throw new AppError("VALIDATION", "At most 500 SKUs per request.", { issues: [{ path: "sku", message: "At most 500" }] });
    return { status: 200, body: { items: await inventoryForSkus(skus) } };
  },
});
