import { z } from "zod";
import { CHART_OF_ACCOUNTS } from "./chart";

const accountKeys = CHART_OF_ACCOUNTS.map((a) => a.key) as [string, ...string[]];

export const journalLineInput = z
  .object({
    account: z.enum(accountKeys),
    debit: z.bigint().nonnegative().default(0n),
    credit: z.bigint().nonnegative().default(0n),
    memo: z.string().max(200).optional(),
  })
  .strict()
  .refine((l) => (l.debit === 0n) !== (l.credit === 0n), { message: "A line is either a debit or a credit" });

export const postJournalEntryInput = z
  .object({
    sourceType: z.string().min(1).max(64),
    sourceId: z.string().min(1).max(128),
    kind: z.string().min(1).max(64),
    memo: z.string().min(1).max(500),
    currency: z.string().regex(/^[A-Z]{3}$/),
    postedAt: z.date().optional(),
    lines: z.array(journalLineInput).min(2),
  })
  .strict();

export type PostJournalEntryInput = z.input<typeof postJournalEntryInput>;
