import { z } from "zod";

/** Shared by forms, server actions, the REST API (and its OpenAPI document) and the services. */
export const SKU = z
  .string({ error: "Enter a SKU" })
  .trim()
  .min(1, { error: "Enter a SKU" })
  .max(64, { error: "At most 64 characters" })
  .regex(/^[A-Za-z0-9._/-]+$/, { error: "Letters, digits and . _ / - only, no spaces" });

export const MONEY_STRING = z
  .string({ error: "Enter an amount like 19.99" })
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, { error: "Enter an amount like 19.99" })
  .refine((v) => !v.startsWith("-"), { error: "Must not be negative" })
  .refine((v) => (v.split(".")[1]?.length ?? 0) <= 2, { error: "At most 2 decimals" });

export const COST_STRING = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, { error: "Enter a cost like 4.25" })
  .refine((v) => !v.startsWith("-"), { error: "Must not be negative" })
  .refine((v) => (v.split(".")[1]?.length ?? 0) <= 6, { error: "At most 6 decimals" });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

const optionalInt = z
  .union([z.number(), z.string()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return undefined;
    const n = typeof v === "number" ? v : Number(v);
    if (!Number.isInteger(n) || n < 0) {
      ctx.addIssue({ code: "custom", message: "A whole number, 0 or more" });
      return z.NEVER;
    }
    return n;
  });

export const BARCODE = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{4,64}$/, { error: "4–64 letters or digits" });

export const createProductInput = z
  .object({
    sku: SKU,
    name: z.string({ error: "Enter a name" }).trim().min(1, { error: "Enter a name" }).max(200),
    price: MONEY_STRING,
    barcode: BARCODE.optional().or(z.literal("").transform(() => undefined)),
    cost: COST_STRING.optional().or(z.literal("").transform(() => undefined)),
    description: optionalText(4000),
    category: optionalText(80),
    weightGrams: optionalInt,
    lengthMm: optionalInt,
    widthMm: optionalInt,
    heightMm: optionalInt,
    parentSku: SKU.optional().or(z.literal("").transform(() => undefined)),
  })
  .strict();

export const updateProductInput = createProductInput
  .omit({ sku: true })
  .extend({ id: z.uuid(), active: z.union([z.boolean(), z.enum(["true", "false", "on"])]).optional().transform((v) => v === true || v === "true" || v === "on") })
  .strict();

export const ADJUSTMENT_REASONS = ["initial", "count", "found", "damage", "theft", "other"] as const;

export const adjustmentInput = z
  .object({
    sku: SKU,
    warehouse: z.string({ error: "Choose a warehouse" }).trim().min(1, { error: "Choose a warehouse" }).max(32),
    quantity: z
      .number({ error: "A whole number" })
      .int({ error: "A whole number" })
      .refine((n) => n !== 0, { error: "Must not be zero" })
      .refine((n) => Math.abs(n) <= 1_000_000, { error: "At most 1,000,000 at once" }),
    reason: z.enum(ADJUSTMENT_REASONS, { error: `One of ${ADJUSTMENT_REASONS.join(", ")}` }),
    unitCost: COST_STRING.optional(),
    bin: z.string().trim().max(64).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export const reorderRuleInput = z
  .object({
    sku: SKU,
    warehouse: z.string().trim().min(1).max(32),
    reorderPoint: z.number({ error: "A whole number, 0 or more" }).int({ error: "A whole number, 0 or more" }).min(0, { error: "A whole number, 0 or more" }),
    reorderQuantity: z.number().int({ error: "A whole number above 0" }).positive({ error: "A whole number above 0" }).optional(),
    /** Order up to this level (replenishment) instead of a fixed quantity. */
    orderUpTo: z.number().int({ error: "A whole number above 0" }).positive({ error: "A whole number above 0" }).optional(),
    /** Round suggested quantities up to a multiple of this. */
    multiple: z.number().int({ error: "A whole number above 0" }).positive({ error: "A whole number above 0" }).optional(),
  })
  .strict()
  .refine((r) => r.orderUpTo === undefined || r.orderUpTo >= r.reorderPoint, { path: ["orderUpTo"], error: "At least the reorder point" });

export const warehouseInput = z
  .object({
    code: z.string().trim().min(1, { error: "Enter a code" }).max(16).regex(/^[A-Z0-9-]+$/, { error: "Capital letters, digits and - only" }),
    name: z.string().trim().min(1, { error: "Enter a name" }).max(120),
    addressLine1: optionalText(200),
    city: optionalText(100),
    postalCode: optionalText(20),
    country: z.string().trim().regex(/^[A-Z]{2}$/, { error: "Two-letter country code" }).optional().or(z.literal("").transform(() => undefined)),
  })
  .strict();

export const LOCATION_KINDS_INTERNAL = ["ZONE", "AISLE", "SHELF", "BIN"] as const;

export const locationInput = z
  .object({
    warehouse: z.string().trim().min(1),
    parentCode: z.string().trim().max(64).optional().or(z.literal("").transform(() => undefined)),
    kind: z.enum(LOCATION_KINDS_INTERNAL),
    code: z.string().trim().min(1, { error: "Enter a code" }).max(64).regex(/^[A-Z0-9-]+$/, { error: "Capital letters, digits and - only" }),
    name: optionalText(120),
    barcode: BARCODE.optional().or(z.literal("").transform(() => undefined)),
    x: optionalInt,
    y: optionalInt,
  })
  .strict();

export type CreateProductInput = z.infer<typeof createProductInput>;
export type UpdateProductInput = z.infer<typeof updateProductInput>;
export type AdjustmentInput = z.infer<typeof adjustmentInput>;
export type ReorderRuleInput = z.infer<typeof reorderRuleInput>;
export type WarehouseInput = z.infer<typeof warehouseInput>;
export type LocationInput = z.infer<typeof locationInput>;
