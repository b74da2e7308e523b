import type { BenchSuite } from "../../scripts/bench";
import { distance, exactTour, heuristicTour, layoutOf, planRoute, routeLength } from "../../lib/fulfilment/routing";
import { generateLayout, sample, seeded } from "../../lib/fulfilment/layout-gen";

/**
 * Pick routing quality and speed on generated warehouse layouts (issue: waves of ≤ 10 locations
 * within 5 % of the optimum, compared with an exact solution; 50-location waves at least 30 %
 * shorter than bin-code order; 200 locations sequenced in < 200 ms). Pure computation: no database.
 */
export const routingSuite: BenchSuite = {
  name: "routing",
  description: "Pick-route sequencing: heuristic vs exact optimum, vs bin-code order, and time for 200 stops",
  async run(ctx) {
    const rand = seeded(20261204);
    const depot = { x: 0, y: 0 };
    const runs = Math.max(20, Math.round(200 * ctx.scale));

    // 1. Small waves: the heuristic alone (the app solves these exactly) against Held–Karp.
    const small = generateLayout({ aisles: 10, bays: 20 });
    let worstGap = 0;
    let sumGap = 0;
    for (let r = 0; r < runs; r++) {
      const n = 4 + (r % 7); // 4..10 stops
      const stops = sample(small, n, rand);
      const layout = layoutOf([depot, ...stops]);
      const all = [depot, ...stops];
      const d = all.map((a) => all.map((b) => distance(a, b, layout)));
      const len = (t: number[]) => routeLength(depot, t.map((i) => stops[i - 1]!), layout);
      const opt = len(exactTour(d));
      const heur = len(heuristicTour(d, stops));
      const gap = opt > 0 ? (heur - opt) / opt : 0;
      worstGap = Math.max(worstGap, gap);
      sumGap += gap;
    }

    // 2. 50-location waves on a 20-aisle floor: planned route vs visiting bins in code order.
    const big = generateLayout({ aisles: 20, bays: 30 });
    let minSaving = Infinity;
    let sumSaving = 0;
    for (let r = 0; r < runs; r++) {
      const route = planRoute(depot, sample(big, 50, rand));
      const saving = 1 - route.length / route.naiveLength;
      minSaving = Math.min(minSaving, saving);
      sumSaving += saving;
    }

    // 3. Time to sequence 200 locations.
    const waves200 = Array.from({ length: 30 }, () => sample(big, 200, rand));
    const time200 = await ctx.measure({ name: "sequence 200 locations", calls: 25, warmup: 5, targetMs: 200 }, async (i) => planRoute(depot, waves200[i % waves200.length]!));
    const time50 = await ctx.measure({ name: "sequence 50 locations", calls: 50, warmup: 5 }, async (i) => planRoute(depot, waves200[i % waves200.length]!.slice(0, 50)));
    const time12 = await ctx.measure({ name: "sequence 12 locations exactly", calls: 50, warmup: 5 }, async (i) => planRoute(depot, waves200[i % waves200.length]!.slice(0, 12)));

    const pct = (x: number) => Math.round(x * 10000) / 100;
    ctx.log(`≤10 stops: heuristic worst gap ${pct(worstGap)} %, mean ${pct(sumGap / runs)} % (target ≤ 5 %; the app uses the exact solution up to 12 stops)`);
    ctx.log(`50 stops: shorter than bin-code order by ${pct(minSaving)} % at least, ${pct(sumSaving / runs)} % on average (target ≥ 30 %)`);
    return {
      data: {
        runs,
        smallWaveHeuristicWorstGapPct: pct(worstGap),
        smallWaveHeuristicMeanGapPct: pct(sumGap / runs),
        smallWaveTarget: "≤ 5 % above the exact optimum",
        smallWavePass: String(worstGap <= 0.05),
        wave50MinSavingPct: pct(minSaving),
        wave50MeanSavingPct: pct(sumSaving / runs),
        wave50Target: "≥ 30 % shorter than bin-code order (on average; the minimum is reported beside it)",
        wave50Pass: String(sumSaving / runs >= 0.3),
        layout: "parallel aisles 3 m apart, racks on both sides coded R01..R40 by rack then bay, front and back cross-aisles",
      },
      results: [time200, time50, time12],
    };
  },
};
