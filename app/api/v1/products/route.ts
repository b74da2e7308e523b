import { apiRoute } from "@/lib/api/handler";
import { apiActor } from "@/lib/api/keys";
import { productsBySku } from "@/lib/inventory/api-queries";
import { createProduct } from "@/lib/inventory/products";
import { createProductInput } from "@/lib/inventory/schema";

/** GET /api/v1/products?sku=A&sku=B (any key; without sku: the first 100 by SKU). */
export const GET = apiRoute({
  auth: "any",
  run: async ({ url }) => ({ status: 200, body: { items: await productsBySku(url.searchParams.getAll("sku").slice(0, 500)) } }),
});

/** POST /api/v1/products (admin): 201 product; 409 when the SKU exists. */
export const POST = apiRoute({
  auth: "admin",
  body: createProductInput,
  run: async ({ body, principal }) => ({ status: 201, body: await createProduct(apiActor(principal), body) }),
});
