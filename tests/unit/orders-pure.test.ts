import { describe, expect, it } from "vitest";
import { allocationStatus, assertTransition, canTransition, TRANSITIONS } from "@/lib/orders/state";
import { computeTotals, taxOf } from "@/lib/orders/totals";

describe("order totals", () => {
  it("adds tax on top when prices exclude it, rounding half away from zero per line", () => {
    const t = computeTotals({ lines: [{ quantity: 3, unitPrice: 1999n }, { quantity: 1, unitPrice: 5n }], shipping: 500n, taxRate: "0.0825", pricesIncludeTax: false });
    expect(t.lines.map((l) => [l.lineTotal, l.tax])).toEqual([[5997n, 495n], [5n, 0n]]); // 494.75 → 495; 0.4125 → 0
    expect(t.shippingTax).toBe(41n); // 41.25 → 41
    expect(t.tax).toBe(536n);
    expect(t.total).toBe(6002n + 500n + 536n);
    expect(t.salesNet + t.shippingNet + t.tax).toBe(t.total);
  });
  it("extracts tax contained in prices when they include it", () => {
    const t = computeTotals({ lines: [{ quantity: 1, unitPrice: 10825n }], shipping: 0n, taxRate: "0.0825", pricesIncludeTax: true });
    expect(t.tax).toBe(825n);
    expect(t.total).toBe(10825n);
    expect(t.salesNet).toBe(10000n);
    expect(taxOf(100n, "0", true)).toBe(0n);
  });
});

describe("order state machine", () => {
  it("allows the happy path and refuses illegal jumps", () => {
    for (const [from, to] of [["PENDING", "CONFIRMED"], ["CONFIRMED", "ALLOCATED"], ["ALLOCATED", "PICKING"], ["PICKING", "PACKED"], ["PACKED", "SHIPPED"], ["SHIPPED", "DELIVERED"]] as const)
      expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition("SHIPPED", "CANCELLED")).toThrow(/shipped cannot become cancelled/);
    expect(() => assertTransition("CANCELLED", "ALLOCATED")).toThrow();
    expect(() => assertTransition("DELIVERED", "PICKING")).toThrow();
    expect(TRANSITIONS.CANCELLED).toEqual([]);
  });
  it("derives the allocation status from the lines", () => {
    const l = (allocated: number, backordered: number, shipped = 0, cancelled = 0) => ({ allocated, backordered, shipped, cancelled, quantity: allocated + backordered + shipped + cancelled });
    expect(allocationStatus([l(2, 0), l(1, 0)])).toBe("ALLOCATED");
    expect(allocationStatus([l(2, 0), l(0, 1)])).toBe("PARTIALLY_ALLOCATED");
    expect(allocationStatus([l(0, 3)])).toBe("BACKORDERED");
    expect(allocationStatus([l(0, 0, 0, 3)])).toBe("CANCELLED");
  });
});
