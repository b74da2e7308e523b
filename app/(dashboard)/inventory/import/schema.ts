import { z } from "zod";
import { MAX_CSV_BYTES } from "./limits";

/** The input of both import actions: the CSV text exactly as chosen or pasted. */
export const productCsvInput = z
  .object({
    csv: z
      .string({ error: "Choose a file or paste the CSV" })
      .min(1, { error: "Choose a file or paste the CSV" })
      .refine((v) => new TextEncoder().encode(v).byteLength <= MAX_CSV_BYTES, { error: "The file is larger than 5 MB" }),
  })
  .strict();

export type ProductCsvInput = z.input<typeof productCsvInput>;
