import { z } from "zod";
import { MONEY_STRING, SKU } from "../inventory/schema";

const text = (max: number, label: string) => z.string({ error: `Enter ${label}` }).trim().min(1, { error: `Enter ${label}` }).max(max);

export const orderLineInput = z
  .object({
    sku: SKU,
    quantity: z.number({ error: "A whole number above 0" }).int({ error: "A whole number above 0" }).positive({ error: "A whole number above 0" }).max(100_000),
    unitPrice: MONEY_STRING,
  })
  .strict();

/** The body of POST /api/v1/orders (CONTRACT §4), also used by webhooks and manual entry. */
export const orderInput = z
  .object({
    externalId: text(128, "an external id"),
    currency: z.string({ error: "A 3-letter currency code" }).regex(/^[A-Z]{3}$/, { error: "A 3-letter currency code" }),
    customer: z.object({ name: text(200, "a name"), email: z.email({ error: "Enter a valid email address" }).max(254) }).strict(),
    shippingAddress: z
      .object({
        name: text(200, "a name"),
        line1: text(200, "the street address"),
        line2: z.string().trim().max(200).optional(),
        city: text(100, "a city"),
        postalCode: text(20, "a postal code"),
        country: z.string({ error: "A 2-letter country code" }).trim().regex(/^[A-Za-z]{2}$/, { error: "A 2-letter country code" }).transform((c) => c.toUpperCase()),
      })
      .strict(),
    lines: z.array(orderLineInput).min(1, { error: "At least one line" }).max(500),
    shippingPrice: MONEY_STRING.optional(),
    paid: z.boolean().optional(),
    channel: z.string().trim().min(1).max(32).optional(),
  })
  .strict();

export type OrderInput = z.infer<typeof orderInput>;

export const cancelOrderInput = z.object({ orderId: z.uuid(), reason: z.string().trim().max(300).optional() }).strict();
export const cancelLineInput = z.object({ orderId: z.uuid(), lineId: z.uuid(), reason: z.string().trim().max(300).optional() }).strict();
export const holdOrderInput = z.object({ orderId: z.uuid(), reason: z.string().trim().min(1, { error: "Say why" }).max(300) }).strict();
export const orderIdInput = z.object({ orderId: z.uuid() }).strict();

export const CHANNEL_TYPES = ["webshop", "marketplace", "social", "instore", "manual"] as const;

export const channelInput = z
  .object({
    code: z.string().trim().min(1, { error: "Enter a code" }).max(32).regex(/^[A-Z0-9-]+$/, { error: "Capital letters, digits and - only" }),
    name: text(120, "a name"),
    type: z.enum(CHANNEL_TYPES, { error: `One of ${CHANNEL_TYPES.join(", ")}` }),
    platform: z.string().trim().max(40).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, { error: "A 3-letter currency code" }),
    warehouses: z.array(z.string().trim().min(1)).min(1, { error: "At least one warehouse" }).max(20),
    allowSplit: z.boolean().optional(),
    taxRate: z.string().trim().regex(/^0(\.\d{1,6})?$/, { error: "A rate like 0.0825 (8.25 %)" }).optional(),
    pricesIncludeTax: z.boolean().optional(),
  })
  .strict();

export type ChannelInput = z.infer<typeof channelInput>;
