import "server-only";
import { db, transaction } from "../db";

/**
 * Month-start snapshots of on hand per item and warehouse, so that "stock as of" adds at most a
 * month of moves to the nearest snapshot instead of summing the whole history. Built by the
 * worker (daily, and at its start) for every month start since the first move; each point is
 * computed from the previous valid point plus the moves between. A move dated before a point
 * (imports, the demo's history) drops that point and the later ones by a trigger; the next run
 * rebuilds them. Times are UTC.
 */
export function monthStarts(from: Date, to: Date): Date[] {
  const out: Date[] = [];
  const y = from.getUTCFullYear();
  let m = from.getUTCMonth() + 1;
  for (;;) {
    const d = new Date(Date.UTC(y + Math.floor(m / 12), m % 12, 1));
    if (d.getTime() > to.getTime()) break;
    out.push(d);
    m++;
  }
  return out;
}

export async function buildStockSnapshots(now = new Date()): Promise<{ built: number }> {
  const [first] = await db().$queryRaw<{ at: Date | null }[]>`SELECT min(created_at) AS at FROM stock_moves`;
  if (!first?.at) return { built: 0 };
  const points = monthStarts(first.at, now);
  const warehouses = await db().warehouse.findMany({ select: { id: true }, orderBy: { code: "asc" } });
  let built = 0;
  for (const w of warehouses) {
    const existing = new Set((await db().stockSnapshotPoint.findMany({ where: { warehouseId: w.id }, select: { asOf: true } })).map((p) => p.asOf.getTime()));
    let prev: Date | null = null;
    for (const p of points) {
      if (existing.has(p.getTime())) {
        prev = p;
        continue;
      }
      const from: Date = prev ?? new Date(0);
      const fromPoint = prev;
      await transaction(
        async (tx) => {
          await tx.$executeRaw`DELETE FROM stock_snapshots WHERE warehouse_id = ${w.id}::uuid AND as_of = ${p}`;
          await tx.$executeRaw`
            WITH bins AS (SELECT id FROM locations WHERE warehouse_id = ${w.id}::uuid AND internal)
            INSERT INTO stock_snapshots (warehouse_id, as_of, product_id, on_hand)
            SELECT ${w.id}::uuid, ${p}::timestamptz, product_id, sum(qty)::int FROM (
              SELECT product_id, on_hand AS qty FROM stock_snapshots WHERE warehouse_id = ${w.id}::uuid AND as_of = ${fromPoint}::timestamptz
              UNION ALL
              SELECT product_id, quantity FROM stock_moves WHERE to_location_id IN (SELECT id FROM bins) AND created_at > ${from} AND created_at <= ${p}
              UNION ALL
              SELECT product_id, -quantity FROM stock_moves WHERE from_location_id IN (SELECT id FROM bins) AND created_at > ${from} AND created_at <= ${p}
            ) m GROUP BY product_id HAVING sum(qty) <> 0`;
          await tx.$executeRaw`INSERT INTO stock_snapshot_points (warehouse_id, as_of, created_at) VALUES (${w.id}::uuid, ${p}, now()) ON CONFLICT DO NOTHING`;
        },
        { timeoutMs: 120_000 },
      );
      prev = p;
      built++;
    }
  }
  return { built };
}
