import { z } from "zod";
import { orderInput } from "@/lib/orders/schema";

/**
 * What the manual-entry form sends: the order body without the fields the server fills in
 * (externalId = "MAN-" + `ref`, currency = the channel's, channel = the chosen code).
 * `ref` is made by the browser when the form opens, so a double submit is the same order.
 */
export const manualOrderInput = orderInput
  .omit({ externalId: true, currency: true, channel: true })
  .extend({
    channel: z.string({ error: "Choose a channel" }).trim().min(1, { error: "Choose a channel" }).max(32),
    ref: z.string({ error: "Reload the form and try again" }).regex(/^[A-Za-z0-9-]{8,64}$/, { error: "Reload the form and try again" }),
  })
  .strict();

export type ManualOrderInput = z.input<typeof manualOrderInput>;

export const productCodeInput = z
  .object({ code: z.string({ error: "Scan or type a barcode or SKU" }).trim().min(1, { error: "Scan or type a barcode or SKU" }).max(64, { error: "At most 64 characters" }) })
  .strict();

export const productSearchInput = z.object({ q: z.string().trim().max(100) }).strict();
