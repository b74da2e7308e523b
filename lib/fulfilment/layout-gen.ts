/**
 * Generated warehouse layouts for tests and benchmarks: `aisles` parallel aisles `aisleGap`
 * metres apart, with a rack on each side; racks are numbered across the floor (R01 and R02
 * face aisle 1, R03 and R04 aisle 2, …) and each has `bays` bins every `bayDepth` metres —
 * the usual rack-bay coding, so sorting by code walks every aisle once per rack.
 */
export type GenBin = { code: string; x: number; y: number };

export function generateLayout(opts: { aisles: number; bays: number; aisleGap?: number; bayDepth?: number }): GenBin[] {
  const gap = opts.aisleGap ?? 3;
  const depth = opts.bayDepth ?? 1.5;
  const bins: GenBin[] = [];
  for (let a = 0; a < opts.aisles; a++)
    for (let b = 0; b < opts.bays; b++)
      for (const side of [0, 1])
        bins.push({ code: `R${String(2 * a + side + 1).padStart(2, "0")}-${String(b + 1).padStart(2, "0")}`, x: 2 + a * gap, y: b * depth });
  return bins;
}

/** A seeded pseudo-random generator (mulberry32) so runs are repeatable. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sample<T>(items: T[], n: number, rand: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}
