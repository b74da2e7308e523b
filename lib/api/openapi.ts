import { z } from "zod";
import { adjustmentInput, createProductInput, reorderRuleInput } from "../inventory/schema";

/** Response shapes, described with zod too so the document and the code share one source. */
const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() }),
});
const productSchema = z.object({
  id: z.uuid(),
  sku: z.string(),
  name: z.string(),
  price: z.string().describe('Decimal string, e.g. "19.99"'),
  currency: z.string(),
  barcode: z.string().nullable(),
  cost: z.string().nullable(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  weightGrams: z.number().int().nullable(),
  active: z.boolean(),
  isKit: z.boolean(),
});
const stock = { onHand: z.number().int(), reserved: z.number().int(), available: z.number().int() };
const inventoryEntry = z.object({ sku: z.string(), ...stock, warehouses: z.array(z.object({ code: z.string(), ...stock })) });
const reorderRule = z.object({ sku: z.string(), warehouse: z.string(), reorderPoint: z.number().int(), reorderQuantity: z.number().int().nullable() });

function schema(s: z.ZodType) {
  return z.toJSONSchema(s, { target: "openapi-3.0", io: "input", unrepresentable: "any" });
}

const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: String(c), content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]));
const ok = (description: string, s: z.ZodType) => ({ description, content: { "application/json": { schema: schema(s) } } });
const body = (s: z.ZodType) => ({ required: true, content: { "application/json": { schema: schema(s) } } });
const skuQuery = { name: "sku", in: "query", required: false, schema: { type: "array", items: { type: "string" } }, style: "form", explode: true };
const idem = { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 200 } };

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.0.3",
    info: { title: "Quartermaster API", version: "1.0.0", description: "Orders, inventory and warehouses. Money amounts are decimal strings, quantities integers." },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API key made with `npm run api-key` or under Settings → API keys" } },
      schemas: { Error: schema(errorSchema) },
    },
    paths: {
      "/api/v1/warehouses": {
        get: { summary: "List warehouses", responses: { "200": ok("Warehouses", z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) })), ...errors(401, 429) } },
      },
      "/api/v1/products": {
        get: { summary: "Products by SKU", parameters: [skuQuery], responses: { "200": ok("Products", z.object({ items: z.array(productSchema) })), ...errors(401, 429) } },
        post: { summary: "Create a product (admin key)", parameters: [idem], requestBody: body(createProductInput), responses: { "201": ok("Created", productSchema), ...errors(400, 401, 403, 409, 413, 422, 429) } },
      },
      "/api/v1/inventory": {
        get: { summary: "Stock by SKU and warehouse", parameters: [{ ...skuQuery, required: true }], responses: { "200": ok("Inventory", z.object({ items: z.array(inventoryEntry) })), ...errors(401, 422, 429) } },
      },
      "/api/v1/inventory/adjustments": {
        post: {
          summary: "Adjust stock at a warehouse (admin key)",
          parameters: [idem],
          requestBody: body(adjustmentInput),
          responses: { "201": ok("The item's inventory after the adjustment", inventoryEntry), ...errors(400, 401, 403, 409, 413, 422, 429) },
        },
      },
      "/api/v1/inventory/reorder-rules": {
        put: { summary: "Set the reorder point of an item at a warehouse (admin key)", requestBody: body(reorderRuleInput), responses: { "200": ok("The rule", reorderRule), ...errors(400, 401, 403, 422, 429) } },
      },
    },
  };
}
