/**
 * Pick routing in a warehouse of parallel aisles. A bin's walk coordinates (x, y) are the spot
 * in its aisle where the picker stands: bins sharing an x face the same aisle. Aisles run along
 * y and are joined by a front cross-aisle (below the lowest bin) and a back one (beyond the
 * highest): moving to another aisle means walking to one end of the aisle, across, and back in —
 * nobody walks through shelves. Routes start and end at the packing station (the depot).
 *
 * Sequencing: up to EXACT_LIMIT stops are solved exactly (Held–Karp dynamic programming);
 * beyond that, the best of an S-shape sweep and nearest-neighbour, improved by 2-opt and
 * or-opt moves until no move helps.
 */

export type Point = { x: number; y: number };
export type Layout = { front: number; back: number };

export const EXACT_LIMIT = 12;

/** The cross-aisles: one metre in front of the lowest and beyond the highest coordinate. */
export function layoutOf(points: Point[]): Layout {
  if (!points.length) return { front: -1, back: 1 };
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.y);
    hi = Math.max(hi, p.y);
  }
  return { front: lo - 1, back: hi + 1 };
}

export function distance(a: Point, b: Point, layout: Layout): number {
  if (a.x === b.x) return Math.abs(a.y - b.y);
  const viaFront = a.y - layout.front + (b.y - layout.front);
  const viaBack = layout.back - a.y + (layout.back - b.y);
  return Math.abs(a.x - b.x) + Math.min(viaFront, viaBack);
}

/** Length of depot → stops in this order → depot. */
export function routeLength(depot: Point, stops: Point[], layout: Layout): number {
  let len = 0;
  let cur = depot;
  for (const s of stops) {
    len += distance(cur, s, layout);
    cur = s;
  }
  return len + distance(cur, depot, layout);
}

type Matrix = number[][];

function matrix(depot: Point, stops: Point[], layout: Layout): Matrix {
  const all = [depot, ...stops];
  return all.map((a) => all.map((b) => distance(a, b, layout)));
}

function tourLength(d: Matrix, tour: number[]): number {
  let len = 0;
  let cur = 0;
  for (const i of tour) {
    len += d[cur]![i]!;
    cur = i;
  }
  return len + d[cur]![0]!;
}

/** Exact order (Held–Karp), indices 1..n into the matrix; O(2^n · n²). */
export function exactTour(d: Matrix): number[] {
  const n = d.length - 1;
  if (n <= 1) return n === 1 ? [1] : [];
  const full = 1 << n;
  const cost = new Float64Array(full * n).fill(Infinity);
  const prev = new Int16Array(full * n).fill(-1);
  for (let j = 0; j < n; j++) cost[(1 << j) * n + j] = d[0]![j + 1]!;
  for (let mask = 1; mask < full; mask++) {
    for (let j = 0; j < n; j++) {
      if (!(mask & (1 << j))) continue;
      const c = cost[mask * n + j]!;
      if (c === Infinity) continue;
      for (let k = 0; k < n; k++) {
        if (mask & (1 << k)) continue;
        const next = mask | (1 << k);
        const v = c + d[j + 1]![k + 1]!;
        if (v < cost[next * n + k]!) {
          cost[next * n + k] = v;
          prev[next * n + k] = j;
        }
      }
    }
  }
  let best = Infinity;
  let last = -1;
  for (let j = 0; j < n; j++) {
    const v = cost[(full - 1) * n + j]! + d[j + 1]![0]!;
    if (v < best) {
      best = v;
      last = j;
    }
  }
  const tour: number[] = [];
  let mask = full - 1;
  while (last >= 0) {
    tour.push(last + 1);
    const p = prev[mask * n + last]!;
    mask &= ~(1 << last);
    last = p;
  }
  return tour.reverse();
}

function nearestNeighbour(d: Matrix): number[] {
  const n = d.length - 1;
  const left = new Set(Array.from({ length: n }, (_, i) => i + 1));
  const tour: number[] = [];
  let cur = 0;
  while (left.size) {
    let best = -1;
    for (const i of left) if (best < 0 || d[cur]![i]! < d[cur]![best]!) best = i;
    tour.push(best);
    left.delete(best);
    cur = best;
  }
  return tour;
}

/** S-shape: aisles left to right, up one aisle and down the next. */
function sShape(stops: Point[]): number[] {
  const xs = [...new Set(stops.map((s) => s.x))].sort((a, b) => a - b);
  const tour: number[] = [];
  xs.forEach((x, k) => {
    const inAisle = stops.map((s, i) => ({ s, i: i + 1 })).filter((e) => e.s.x === x);
    inAisle.sort((a, b) => (k % 2 === 0 ? a.s.y - b.s.y : b.s.y - a.s.y));
    tour.push(...inAisle.map((e) => e.i));
  });
  return tour;
}

/** 2-opt (segment reversal) and or-opt (moving runs of 1–3 stops) until nothing improves. */
function improve(d: Matrix, start: number[]): number[] {
  const t = [0, ...start];
  const n = t.length;
  const at = (i: number) => t[i === n ? 0 : i]!;
  let improved = true;
  let rounds = 0;
  while (improved && rounds++ < 200) {
    improved = false;
    for (let i = 0; i < n - 1; i++) {
      for (let k = i + 2; k < n; k++) {
        const a = at(i), b = at(i + 1), c = at(k), e = at(k + 1);
        const delta = d[a]![c]! + d[b]![e]! - d[a]![b]! - d[c]![e]!;
        if (delta < -1e-9) {
          // reverse t[i+1..k]
          for (let lo = i + 1, hi = k; lo < hi; lo++, hi--) [t[lo], t[hi]] = [t[hi]!, t[lo]!];
          improved = true;
        }
      }
    }
    for (let len = 1; len <= 3; len++) {
      for (let i = 1; i + len - 1 <= n - 1; i++) {
        const segEnd = i + len - 1;
        const p = at(i - 1), s0 = t[i]!, s1 = t[segEnd]!, q = at(segEnd + 1);
        const removeGain = d[p]![s0]! + d[s1]![q]! - d[p]![q]!;
        for (let j = 0; j < n; j++) {
          if (j >= i - 1 && j <= segEnd) continue;
          const u = at(j), v = at(j + 1);
          const fwd = d[u]![s0]! + d[s1]![v]! - d[u]![v]!;
          const rev = d[u]![s1]! + d[s0]![v]! - d[u]![v]!;
          const add = Math.min(fwd, rev);
          if (add < removeGain - 1e-9) {
            const seg = t.slice(i, segEnd + 1);
            if (rev < fwd) seg.reverse();
            t.splice(i, len);
            const insertAt = j < i ? j + 1 : j + 1 - len;
            t.splice(insertAt, 0, ...seg);
            improved = true;
            break;
          }
        }
      }
    }
  }
  return t.slice(1);
}

/** Double-bridge kick: cuts the tour in four and reconnects it A C B D (escapes 2-opt optima). */
function doubleBridge(tour: number[], rand: () => number): number[] {
  const n = tour.length;
  if (n < 8) return [...tour].sort(() => rand() - 0.5);
  const cuts = [1 + Math.floor(rand() * (n - 3)), 1 + Math.floor(rand() * (n - 3)), 1 + Math.floor(rand() * (n - 3))].sort((a, b) => a - b);
  const [i, j, k] = cuts as [number, number, number];
  return [...tour.slice(0, i), ...tour.slice(j, k), ...tour.slice(i, j), ...tour.slice(k)];
}

/** Deterministic pseudo-random numbers (mulberry32), so the same wave always gets the same route. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Iterated local search: the better of nearest-neighbour and S-shape, improved by 2-opt and
 * or-opt, then kicked and improved again a number of times (more for small waves), keeping the best.
 */
export function heuristicTour(d: Matrix, stops: Point[]): number[] {
  const n = stops.length;
  let best = [improve(d, nearestNeighbour(d)), improve(d, sShape(stops))].reduce((a, b) => (tourLength(d, b) < tourLength(d, a) ? b : a));
  let bestLen = tourLength(d, best);
  const kicks = n <= 30 ? 60 : n <= 100 ? 30 : 8;
  const rand = prng(n * 7919 + 17);
  for (let k = 0; k < kicks; k++) {
    const cand = improve(d, doubleBridge(best, rand));
    const len = tourLength(d, cand);
    if (len < bestLen - 1e-9) {
      best = cand;
      bestLen = len;
    }
  }
  return best;
}

export type Routed<T> = { order: T[]; length: number; naiveLength: number; exact: boolean };

/**
 * Sequences stops (each with walk coordinates and a code) from and back to the depot.
 * `naiveLength` is the walk when visiting them by code order, for comparison.
 */
export function planRoute<T extends Point & { code: string }>(depot: Point, stops: T[], opts: { forceHeuristic?: boolean } = {}): Routed<T> {
  const layout = layoutOf([depot, ...stops]);
  const byCode = [...stops].sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
  const naiveLength = routeLength(depot, byCode, layout);
  if (stops.length === 0) return { order: [], length: 0, naiveLength: 0, exact: true };
  const d = matrix(depot, stops, layout);
  const exact = !opts.forceHeuristic && stops.length <= EXACT_LIMIT;
  const tour = exact ? exactTour(d) : heuristicTour(d, stops);
  const order = tour.map((i) => stops[i - 1]!);
  return { order, length: routeLength(depot, order, layout), naiveLength, exact };
}
