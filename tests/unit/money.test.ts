import { describe, expect, it } from "vitest";
import { allocate, currencyDigits, divRound, formatMoney, multiply, parseMoney, toDecimalString } from "@/lib/money";

describe("money", () => {
  it("parses decimal strings exactly into minor units", () => {
    expect(parseMoney("19.99", "USD")).toEqual({ amount: 1999n, currency: "USD" });
    expect(parseMoney("0.1", "USD").amount + parseMoney("0.2", "USD").amount).toBe(30n);
    expect(parseMoney("1500", "JPY").amount).toBe(1500n);
    expect(parseMoney("1.234", "KWD").amount).toBe(1234n);
    expect(parseMoney("-5.50", "EUR").amount).toBe(-550n);
  });

  it("refuses malformed amounts and too many decimals", () => {
    expect(() => parseMoney("1.999", "USD")).toThrow(/decimals/);
    expect(() => parseMoney("1e3", "USD")).toThrow(/not a decimal/);
    expect(() => parseMoney("", "USD")).toThrow();
    expect(() => parseMoney("12.5", "JPY")).toThrow();
  });

  it("formats back to decimal strings", () => {
    expect(toDecimalString(1999n, "USD")).toBe("19.99");
    expect(toDecimalString(5n, "USD")).toBe("0.05");
    expect(toDecimalString(-550n, "EUR")).toBe("-5.50");
    expect(toDecimalString(1500n, "JPY")).toBe("1500");
    expect(currencyDigits("usd")).toBe(2);
  });

  it("rounds half away from zero, once", () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(multiply(1999n, 20n, 100n)).toBe(400n); // 20 % tax of 19.99 = 3.998 → 4.00
    expect(multiply(1025n, 1n, 10n)).toBe(103n); // 102.5 → 103
  });

  it("allocates totals across parts without losing a cent", () => {
    const parts = allocate(1000n, [1n, 1n, 1n]);
    expect(parts).toEqual([334n, 333n, 333n]);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(1000n);
    const weighted = allocate(999n, [1999n, 500n, 1n]);
    expect(weighted.reduce((a, b) => a + b, 0n)).toBe(999n);
    expect(allocate(-10n, [1n, 2n])).toEqual([-3n, -7n]);
    expect(() => allocate(10n, [0n, 0n])).toThrow();
  });

  it("formats for a locale without floating point", () => {
    expect(formatMoney(123456n, "USD", "en-US")).toBe("$1,234.56");
    expect(formatMoney(123456n, "EUR", "de-DE")).toBe("1.234,56\u00a0€");
    expect(formatMoney(900719925474099312n, "USD", "en-US")).toBe("$9,007,199,254,740,993.12");
  });
});
