import { z } from "zod";
import { adjustmentInput, createProductInput, reorderRuleInput } from "../inventory/schema";
import { channelInput, orderInput } from "../orders/schema";

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
const reorderRule = z.object({ sku: z.string(), warehouse: z.string(), reorderPoint: z.number().int(), reorderQuantity: z.number().int().nullable(), orderUpTo: z.number().int().nullable(), multiple: z.number().int().nullable() });

const orderSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  channel: z.string(),
  externalId: z.string(),
  status: z.string(),
  paymentStatus: z.string(),
  currency: z.string(),
  subtotal: z.string(),
  shippingPrice: z.string(),
  tax: z.string(),
  total: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number().int(), unitPrice: z.string(), allocated: z.number().int(), backordered: z.number().int(), shipped: z.number().int(), cancelled: z.number().int() })),
  allocations: z.array(z.object({ warehouse: z.string(), sku: z.string(), quantity: z.number().int() })),
  allocationReasons: z.array(z.object({ sku: z.string(), rule: z.string(), reason: z.string(), at: z.string() })),
});
const channelSchema = z.object({ code: z.string(), name: z.string(), type: z.string(), currency: z.string() });

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
      "/api/v1/orders": {
        post: {
          summary: "Create an order (channel key, or admin key with `channel`)",
          description: "201 a new order; 200 the existing one when this channel already has the externalId or the Idempotency-Key was used.",
          parameters: [idem],
          requestBody: body(orderInput),
          responses: { "201": ok("Created", orderSchema), "200": ok("The existing order", orderSchema), ...errors(400, 401, 403, 413, 422, 429) },
        },
        get: {
          summary: "List orders (a channel key sees its own channel's)",
          parameters: [
            { name: "status", in: "query", schema: { type: "string" } },
            { name: "updatedSince", in: "query", schema: { type: "string", format: "date-time" } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
            { name: "cursor", in: "query", schema: { type: "string" } },
          ],
          responses: { "200": ok("Orders, oldest update first", z.object({ items: z.array(orderSchema), nextCursor: z.string().nullable() })), ...errors(401, 422, 429) },
        },
      },
      "/api/v1/orders/{id}": {
        get: { summary: "One order", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }], responses: { "200": ok("The order", orderSchema), ...errors(401, 404, 429) } },
      },
      "/api/v1/orders/{id}/cancel": {
        post: { summary: "Cancel an order; reservations are released", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }], responses: { "200": ok("The cancelled order", orderSchema), ...errors(401, 404, 409, 429) } },
      },
      "/api/v1/channels": {
        get: { summary: "List channels (admin key)", responses: { "200": ok("Channels", z.object({ items: z.array(channelSchema) })), ...errors(401, 403, 429) } },
        post: { summary: "Create a channel (admin key)", requestBody: body(channelInput), responses: { "201": ok("Created; webhookSecret is shown this once", channelSchema.extend({ webhookSecret: z.string() })), ...errors(400, 401, 403, 409, 422, 429) } },
      },
      "/api/v1/channels/{code}/webhooks": {
        post: {
          summary: "Signed channel events (no API key)",
          description: 'Header `Quartermaster-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the webhook secret>`; refused with 401 when wrong or more than 300 s away from now. Body `{"id","type":"order.created"|"order.cancelled","data"}`; the same event id delivered again changes nothing.',
          security: [],
          parameters: [{ name: "code", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": ok("Received", z.object({ received: z.literal(true) })), ...errors(400, 401, 404, 413, 422) },
        },
      },
      "/api/v1/inventory/reorder-rules": {
        put: { summary: "Set the reorder point of an item at a warehouse (admin key)", requestBody: body(reorderRuleInput), responses: { "200": ok("The rule", reorderRule), ...errors(400, 401, 403, 422, 429) } },
      },
    },
  };
}
