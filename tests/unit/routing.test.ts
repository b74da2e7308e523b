import { describe, expect, it } from "vitest";
import { distance, exactTour, heuristicTour, layoutOf, planRoute, routeLength, type Point } from "@/lib/fulfilment/routing";
import { generateLayout, sample, seeded } from "@/lib/fulfilment/layout-gen";

const depot = { x: 0, y: 0 };

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe("aisle-aware distance", () => {
  const layout = { front: -1, back: 20 };
  it("walks straight along one aisle", () => {
    expect(distance({ x: 5, y: 2 }, { x: 5, y: 9 }, layout)).toBe(7);
  });
  it("goes round the shelves through the nearer cross-aisle between aisles", () => {
    // via front: (2+1) + (3+1) + 3 across = 10; via back: 18 + 17 + 3 = 38
    expect(distance({ x: 5, y: 2 }, { x: 8, y: 3 }, layout)).toBe(10);
    // near the back: via back (20-18)+(20-17)+3 = 8
    expect(distance({ x: 5, y: 18 }, { x: 8, y: 17 }, layout)).toBe(8);
  });
  it("is symmetric", () => {
    const a = { x: 2, y: 7 }, b = { x: 11, y: 4 };
    expect(distance(a, b, layout)).toBe(distance(b, a, layout));
  });
});

describe("route planning", () => {
  it("solves small waves exactly (checked against every permutation)", () => {
    const rand = seeded(7);
    const bins = generateLayout({ aisles: 6, bays: 10 });
    for (let run = 0; run < 5; run++) {
      const stops = sample(bins, 6, rand);
      const layout = layoutOf([depot, ...stops]);
      const best = Math.min(...permutations(stops).map((p) => routeLength(depot, p, layout)));
      const r = planRoute(depot, stops);
      expect(r.exact).toBe(true);
      expect(r.length).toBeCloseTo(best, 6);
      expect(new Set(r.order.map((s) => s.code)).size).toBe(stops.length);
    }
  });

  it("the heuristic stays within 5 % of the optimum on 10-stop waves", () => {
    const rand = seeded(11);
    const bins = generateLayout({ aisles: 10, bays: 15 });
    for (let run = 0; run < 20; run++) {
      const stops: Point[] = sample(bins, 10, rand);
      const layout = layoutOf([depot, ...stops]);
      const all = [depot, ...stops];
      const d = all.map((a) => all.map((b) => distance(a, b, layout)));
      const exact = exactTour(d);
      const heur = heuristicTour(d, stops);
      const len = (t: number[]) => routeLength(depot, t.map((i) => stops[i - 1]!), layout);
      expect(len(heur)).toBeLessThanOrEqual(len(exact) * 1.05 + 1e-9);
      expect([...heur].sort((a, b) => a - b)).toEqual(stops.map((_, i) => i + 1));
    }
  });

  it("beats bin-code order clearly on 50-stop waves and visits every stop once", () => {
    const rand = seeded(3);
    const bins = generateLayout({ aisles: 12, bays: 20 });
    const stops = sample(bins, 50, rand);
    const r = planRoute(depot, stops);
    expect(r.exact).toBe(false);
    expect(r.order).toHaveLength(50);
    expect(new Set(r.order.map((s) => s.code)).size).toBe(50);
    expect(r.length).toBeLessThan(r.naiveLength * 0.7);
  });

  it("handles no stops and one stop", () => {
    expect(planRoute(depot, []).length).toBe(0);
    const one = planRoute(depot, [{ code: "A", x: 4, y: 3 }]);
    expect(one.order.map((s) => s.code)).toEqual(["A"]);
    expect(one.length).toBe(routeLength(depot, [{ x: 4, y: 3 }], layoutOf([depot, { x: 4, y: 3 }])));
  });
});
