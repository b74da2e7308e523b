/**
 * Exact money. Amounts are integer minor units (bigint) with an ISO 4217 currency; strings
 * like "19.99" are parsed exactly, never through floating point.
 *
 * Rounding rule (the only one in Quartermaster): half away from zero, applied once, where a
 * value with more decimals than the currency has becomes money (e.g. tax of a line).
 * Allocation of a total across parts uses the largest-remainder method, so the parts always
 * add up to the total exactly.
 */
export type Money = { amount: bigint; currency: string };

const DIGITS_CACHE = new Map<string, number>();

/** Minor-unit digits of a currency (USD 2, JPY 0, KWD 3), from Intl. */
export function currencyDigits(currency: string): number {
  const c = currency.toUpperCase();
  let d = DIGITS_CACHE.get(c);
  if (d === undefined) {
    d = new Intl.NumberFormat("en", { style: "currency", currency: c }).resolvedOptions().maximumFractionDigits ?? 2;
    DIGITS_CACHE.set(c, d);
  }
  return d;
}

export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  return (Intl.supportedValuesOf?.("currency") ?? []).includes(code);
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Parses "19.99" into minor units; refuses more decimals than the currency has. */
export function parseMoney(text: string, currency: string): Money {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new RangeError(`"${text}" is not a decimal amount`);
  const digits = currencyDigits(currency);
  const frac = m[3] ?? "";
  if (frac.length > digits) throw new RangeError(`"${text}" has more than ${digits} decimals for ${currency}`);
  const minor = BigInt(m[2] + frac.padEnd(digits, "0"));
  return { amount: m[1] ? -minor : minor, currency: currency.toUpperCase() };
}

/** Minor units to a plain decimal string ("19.99"), as the API returns money. */
export function toDecimalString(amount: bigint, currency: string): string {
  const digits = currencyDigits(currency);
  const neg = amount < 0n;
  const s = (neg ? -amount : amount).toString().padStart(digits + 1, "0");
  const whole = digits ? s.slice(0, -digits) : s;
  const frac = digits ? "." + s.slice(-digits) : "";
  return `${neg ? "-" : ""}${whole}${frac}`;
}

/** Divides with rounding half away from zero. */
export function divRound(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError("division by zero");
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = an / ad;
  const r = an % ad;
  const rounded = r * 2n >= ad ? q + 1n : q;
  return neg ? -rounded : rounded;
}

/** amount × numerator / denominator, rounded once (half away from zero). */
export function multiply(amount: bigint, numerator: bigint, denominator = 1n): bigint {
  return divRound(amount * numerator, denominator);
}

/** Splits a total across weights without losing a unit (largest remainder, ties to the earlier part). */
export function allocate(total: bigint, weights: bigint[]): bigint[] {
  if (weights.length === 0) throw new RangeError("no weights");
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum <= 0n || weights.some((w) => w < 0n)) throw new RangeError("weights must be non-negative with a positive sum");
  const neg = total < 0n;
  const t = neg ? -total : total;
  const parts = weights.map((w) => (t * w) / sum);
  const rems = weights.map((w, i) => ({ i, r: (t * w) % sum }));
  let left = t - parts.reduce((a, b) => a + b, 0n);
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rems) {
    if (left === 0n) break;
    parts[i] = parts[i]! + 1n;
    left -= 1n;
  }
  return neg ? parts.map((p) => -p) : parts;
}

export function sum(amounts: bigint[]): bigint {
  return amounts.reduce((a, b) => a + b, 0n);
}

/** Formats for display in the user's locale. Number() is safe here: display only, after exact math. */
export function formatMoney(amount: bigint, currency: string, locale = "en-US"): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    toDecimalString(amount, currency) as unknown as number,
  );
}
