import { z } from "zod";

const code = z.string().trim().min(1).max(64);
const intField = (min: number, max: number, msg: string) => z.coerce.number({ error: msg }).int({ error: msg }).min(min, { error: msg }).max(max, { error: msg });

/** Creating a pick wave: one order ("single"), or a batch by warehouse, cut-off and channel, within limits. */
export const waveInput = z
  .object({
    warehouse: code,
    kind: z.enum(["single", "batch"]).default("batch"),
    orderIds: z.array(z.uuid()).max(200).optional(),
    channel: code.optional(),
    /** Carrier cut-off / ship-by: only orders placed at or before this moment. */
    placedBefore: z.coerce.date({ error: "A date and time" }).optional(),
    maxOrders: intField(1, 200, "A whole number from 1 to 200").default(20),
    maxLines: intField(1, 1000, "A whole number from 1 to 1000").default(100),
  })
  .strict();
export type WaveInput = z.infer<typeof waveInput>;

export const pickInput = z
  .object({
    scanId: z.uuid(),
    taskId: z.uuid(),
    bin: z.string().trim().min(1, { error: "Scan the bin" }).max(128),
    item: z.string().trim().min(1, { error: "Scan the item" }).max(128),
    quantity: intField(0, 100_000, "A whole number, 0 or more"),
    short: z.boolean().default(false),
  })
  .strict();

export const packScanInput = z.object({ scanId: z.uuid(), orderId: z.uuid(), warehouse: code, item: z.string().trim().min(1, { error: "Scan an item" }).max(128) }).strict();

export const BOX_TYPES = ["S", "M", "L", "XL", "ENVELOPE", "PALLET"] as const;

export const closePackageInput = z
  .object({
    packageId: z.uuid(),
    boxType: z.enum(BOX_TYPES, { error: "Choose a box" }),
    weightGrams: z.preprocess((v) => (v === "" || v === null ? undefined : v), intField(1, 1_000_000, "Weight in grams, a whole number above 0").optional()),
  })
  .strict();

export const shipInput = z
  .object({
    packageId: z.uuid(),
    carrier: code,
    service: z.string().trim().min(1, { error: "Choose a service" }).max(64),
    trackingNumber: z.string().trim().max(64).optional(),
  })
  .strict();
