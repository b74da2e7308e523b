import { divRound } from "../money";

/**
 * Order totals, exact in minor units. Tax per the channel's rule: prices without tax add
 * round(net × rate); prices with tax contain round(gross × rate ÷ (1 + rate)). Tax is rounded
 * per line and on shipping (half away from zero, once each), then summed.
 */
export type TotalsInput = { lines: { quantity: number; unitPrice: bigint }[]; shipping: bigint; taxRate: string; pricesIncludeTax: boolean };
export type Totals = { lines: { lineTotal: bigint; tax: bigint }[]; subtotal: bigint; shippingPrice: bigint; shippingTax: bigint; tax: bigint; total: bigint; salesNet: bigint; shippingNet: bigint };

function rateFraction(rate: string): { n: bigint; d: bigint } {
  const [whole = "0", frac = ""] = rate.split(".");
  const d = 10n ** BigInt(frac.length);
  return { n: BigInt(whole + frac), d };
}

export function taxOf(amount: bigint, rate: string, inclusive: boolean): bigint {
  const { n, d } = rateFraction(rate);
  if (n === 0n) return 0n;
  return inclusive ? divRound(amount * n, d + n) : divRound(amount * n, d);
}

export function computeTotals(i: TotalsInput): Totals {
  const lines = i.lines.map((l) => {
    const lineTotal = l.unitPrice * BigInt(l.quantity);
    return { lineTotal, tax: taxOf(lineTotal, i.taxRate, i.pricesIncludeTax) };
  });
  const subtotal = lines.reduce((s, l) => s + l.lineTotal, 0n);
  const lineTax = lines.reduce((s, l) => s + l.tax, 0n);
  const shippingTax = taxOf(i.shipping, i.taxRate, i.pricesIncludeTax);
  const tax = lineTax + shippingTax;
  const salesNet = i.pricesIncludeTax ? subtotal - lineTax : subtotal;
  const shippingNet = i.pricesIncludeTax ? i.shipping - shippingTax : i.shipping;
  return { lines, subtotal, shippingPrice: i.shipping, shippingTax, tax, total: salesNet + shippingNet + tax, salesNet, shippingNet };
}
