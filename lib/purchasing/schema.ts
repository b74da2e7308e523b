import { z } from "zod";
import { COST_STRING, SKU } from "../inventory/schema";

const code = z.string().trim().min(1, { error: "Enter a code" }).max(32).regex(/^[A-Z0-9-]+$/, { error: "Capital letters, digits and - only" });
const whole = (min: number, msg: string) => z.coerce.number({ error: msg }).int({ error: msg }).min(min, { error: msg }).max(1_000_000, { error: msg });
const optional = (max: number) => z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(max).optional());

export const supplierInput = z
  .object({
    code,
    name: z.string().trim().min(1, { error: "Enter a name" }).max(200),
    contactName: optional(200),
    email: z.email({ error: "Enter a valid email address" }).max(254),
    phone: optional(50),
    currency: z.string().trim().regex(/^[A-Z]{3}$/, { error: "A 3-letter currency code" }),
    leadTimeDays: whole(0, "Days, a whole number 0 or more"),
    paymentTerms: z.string().trim().min(1, { error: "Enter payment terms, e.g. Net 30" }).max(100),
  })
  .strict();
export type SupplierInput = z.infer<typeof supplierInput>;

export const supplierPriceInput = z
  .object({
    supplier: code,
    sku: SKU,
    supplierSku: optional(64),
    unitCost: COST_STRING,
    minOrderQty: whole(1, "A whole number above 0").default(1),
    packSize: whole(1, "A whole number above 0").default(1),
  })
  .strict();
export type SupplierPriceInput = z.infer<typeof supplierPriceInput>;

export const poLineInput = z.object({ sku: SKU, quantity: whole(1, "A whole number above 0"), unitCost: COST_STRING.optional() }).strict();

export const purchaseOrderInput = z
  .object({
    supplier: code,
    warehouse: z.string().trim().min(1).max(32),
    expectedAt: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.date({ error: "A date" }).optional()),
    note: optional(500),
    lines: z.array(poLineInput).min(1, { error: "At least one line" }).max(500),
  })
  .strict();
export type PurchaseOrderInput = z.infer<typeof purchaseOrderInput>;

export const receiptInput = z
  .object({
    scanId: z.uuid(),
    poId: z.uuid(),
    lines: z
      .array(z.object({ sku: z.string().trim().min(1, { error: "Scan an item" }).max(128), quantity: whole(0, "A whole number, 0 or more"), damaged: whole(0, "A whole number, 0 or more").default(0) }).strict())
      .min(1)
      .max(500),
    allowOver: z.boolean().default(false),
  })
  .strict();
export type ReceiptInput = z.infer<typeof receiptInput>;

export const putawayInput = z
  .object({
    scanId: z.uuid(),
    warehouse: z.string().trim().min(1).max(32),
    item: z.string().trim().min(1, { error: "Scan the item" }).max(128),
    bin: z.string().trim().min(1, { error: "Scan the bin" }).max(128),
    quantity: whole(1, "A whole number above 0"),
  })
  .strict();
export type PutawayInput = z.infer<typeof putawayInput>;

/** Over-receipt allowed without a manager's approval: 5 % of the ordered quantity (at least 0 units). */
export const OVER_RECEIPT_TOLERANCE = 0.05;
