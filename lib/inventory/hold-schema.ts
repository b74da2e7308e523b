import { z } from "zod";
import { SKU } from "./schema";

export const holdInput = z
  .object({
    sku: SKU,
    warehouse: z.string().trim().min(1, { error: "Choose a warehouse" }).max(32),
    quantity: z.number({ error: "A whole number above 0" }).int({ error: "A whole number above 0" }).positive({ error: "A whole number above 0" }),
    note: z.string().trim().max(200).optional(),
  })
  .strict();

export const releaseHoldInput = z.object({ holdId: z.uuid() }).strict();
