import { z } from "zod";
import { CHANNEL_TYPES, channelInput, type ChannelInput } from "@/lib/orders/schema";

/**
 * The channel form: the same fields as `channelInput` (the command the service takes), except
 * that the tax rate is typed as a percentage ("8.25") and converted here, exactly, on the
 * string ("0.0825") — never through floating point.
 */

export type ChannelType = (typeof CHANNEL_TYPES)[number];
export { CHANNEL_TYPES };

/** Platforms offered per channel type; other types have none. */
export const PLATFORMS = {
  marketplace: ["amazon", "walmart", "ebay", "other"],
  social: ["instagram", "facebook", "other"],
} as const satisfies Partial<Record<ChannelType, readonly string[]>>;

export function platformsFor(type: string): readonly string[] {
  switch (type) {
    case "marketplace":
      return PLATFORMS.marketplace;
    case "social":
      return PLATFORMS.social;
    default:
      return [];
  }
}

/** Offered first in the currency select; any other ISO 4217 code can be typed. */
export const COMMON_CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "NZD", "JPY", "CHF", "SEK", "NOK", "DKK", "PLN", "MXN", "BRL", "INR", "SGD", "HKD"] as const;

/**
 * "8.25" → "0.0825", "12.5" → "0.125", "0" → "0"; a comma works as the decimal sign and a
 * trailing "%" is ignored. From 0 up to (not including) 100, at most 4 decimals (the rate is
 * stored with 6). Null when the text is not such a percentage.
 */
export function percentToRate(text: string): string | null {
  const m = /^(\d{1,2})(?:[.,](\d{0,4}))?$/.exec(text.trim().replace(/\s*%$/, ""));
  if (!m) return null;
  const digits = `${m[1]!.padStart(2, "0")}${m[2] ?? ""}`.replace(/0+$/, "");
  return digits ? `0.${digits}` : "0";
}

/** "0.0825" → "8.25", "0.125000" → "12.5", "0" → "0" (the inverse of percentToRate, on the string). */
export function rateToPercent(rate: string): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(rate.trim());
  if (!m) return rate;
  const frac = (m[2] ?? "").padEnd(2, "0");
  const whole = `${m[1]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, "");
  const rest = frac.slice(2).replace(/0+$/, "");
  return rest ? `${whole}.${rest}` : whole;
}

const TAX_PERCENT = z
  .string({ error: "Enter a percentage such as 8.25" })
  .transform((v, ctx) => {
    const rate = percentToRate(v);
    if (rate === null) {
      ctx.addIssue({ code: "custom", message: "A percentage from 0 to below 100 with at most 4 decimals, e.g. 8.25" });
      return z.NEVER;
    }
    return rate;
  });

const s = channelInput.shape;

/** Create and edit (the code identifies the channel when editing and cannot change). */
export const channelFormInput = z
  .object({
    code: z.string({ error: "Enter a code" }).trim().toUpperCase().pipe(s.code),
    name: s.name,
    type: s.type,
    platform: z.string().trim().max(40).optional(),
    currency: z.string({ error: "A 3-letter currency code" }).trim().toUpperCase().pipe(s.currency),
    warehouses: s.warehouses,
    allowSplit: z.boolean(),
    taxPercent: TAX_PERCENT,
    pricesIncludeTax: z.boolean(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const allowed = platformsFor(v.type);
    if (allowed.length && !allowed.includes(v.platform ?? "")) ctx.addIssue({ code: "custom", path: ["platform"], message: "Choose the platform" });
  })
  .transform(({ taxPercent, platform, ...rest }): ChannelInput => ({
    ...rest,
    // Only marketplaces and social shops have a platform; switching type clears it.
    platform: platformsFor(rest.type).length ? platform : undefined,
    taxRate: taxPercent,
  }));

export type ChannelFormInput = z.input<typeof channelFormInput>;

export const channelCodeInput = z.object({ code: s.code }).strict();

export const channelKeyInput = z
  .object({
    channelCode: s.code,
    name: z.string({ error: "Enter a name" }).trim().min(1, { error: "Enter a name" }).max(80, { error: "At most 80 characters" }),
  })
  .strict();

export const revokeKeyInput = z.object({ id: z.uuid({ error: "Unknown key" }) }).strict();
