import "server-only";
import { isUniqueViolation, transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../audit/service";
import { postJournalEntry } from "../accounting/service";
import { getCompany } from "../settings/company";
import { recordMove } from "../inventory/ledger";
import { adjustStock } from "../inventory/adjustments";
import { virtualLocationId } from "../inventory/locations";
import { allocateLines, LINE_OWNER, requirements } from "../orders/allocation";
import { channelWarehouses, event, lockOrder, transition } from "../orders/service";
import { allocationStatus, label, WAVEABLE } from "../orders/state";
import type { OrderStatus } from "../generated/prisma/enums";
import { planRoute } from "./routing";
import { addReservation, packLocationId, reduceReservation } from "./stock";
import { carrierByCode } from "./carriers";
import { oncePerScan } from "../scans";
import type { WaveInput } from "./schema";

const owner = (lineId: string) => ({ ownerType: LINE_OWNER, ownerId: lineId });

// ---------------------------------------------------------------------------
// Waves
// ---------------------------------------------------------------------------

type Candidate = { order_id: string; number: number; lines: number };

/**
 * Creates a pick wave at a warehouse from orders whose allocated stock there is not yet in a
 * wave: oldest first, within the limits on orders and task lines, optionally only orders placed
 * before a cut-off, of one channel, or the orders named. Orders being waved by someone else at
 * the same moment are skipped (SKIP LOCKED), so no order lands in two waves.
 */
export async function createWave(actor: Actor, input: WaveInput): Promise<{ waveId: string; number: number; orders: number; tasks: number }> {
  return transaction(async (tx) => {
    const w = await tx.warehouse.findUnique({ where: { code: input.warehouse } });
    if (!w) throw new AppError("VALIDATION", `Unknown warehouse ${input.warehouse}.`, { issues: [{ path: "warehouse", message: "Unknown warehouse" }] });
    const channelId = input.channel ? (await tx.channel.findUnique({ where: { code: input.channel }, select: { id: true } }))?.id : null;
    if (input.channel && !channelId) throw new AppError("VALIDATION", `Unknown channel ${input.channel}.`, { issues: [{ path: "channel", message: "Unknown channel" }] });
    const pack = await packLocationId(tx, w.id);
    const orderIds = input.orderIds?.length ? input.orderIds : null;
    const candidates = await tx.$queryRaw<Candidate[]>`
      SELECT o.id::text AS order_id, o.number,
        (SELECT count(*)::int FROM reservations r JOIN locations l ON l.id = r.location_id JOIN order_lines ol ON ol.id::text = r.owner_id
          WHERE ol.order_id = o.id AND r.owner_type = ${LINE_OWNER} AND r.status = 'ACTIVE' AND l.warehouse_id = ${w.id}::uuid AND l.kind <> 'PACK') AS lines
      FROM orders o
      WHERE o.status::text = ANY(${[...WAVEABLE]}::text[])
        AND (${orderIds}::uuid[] IS NULL OR o.id = ANY(${orderIds}::uuid[]))
        AND (${channelId ?? null}::uuid IS NULL OR o.channel_id = ${channelId ?? null}::uuid)
        AND (${input.placedBefore ?? null}::timestamptz IS NULL OR o.placed_at <= ${input.placedBefore ?? null}::timestamptz)
        AND NOT EXISTS (SELECT 1 FROM pick_tasks t JOIN pick_waves pw ON pw.id = t.wave_id
          WHERE t.order_id = o.id AND pw.warehouse_id = ${w.id}::uuid AND pw.status = 'OPEN')
        AND EXISTS (SELECT 1 FROM order_lines ol JOIN reservations r ON r.owner_id = ol.id::text AND r.owner_type = ${LINE_OWNER} AND r.status = 'ACTIVE'
          JOIN locations l ON l.id = r.location_id
          WHERE ol.order_id = o.id AND l.warehouse_id = ${w.id}::uuid AND l.kind <> 'PACK')
      ORDER BY o.placed_at, o.number
      LIMIT ${input.maxOrders * 4}
      FOR UPDATE OF o SKIP LOCKED`;
    const chosen: Candidate[] = [];
    let lines = 0;
    for (const c of candidates) {
      if (chosen.length >= input.maxOrders) break;
      if (chosen.length > 0 && lines + c.lines > input.maxLines) continue;
      chosen.push(c);
      lines += c.lines;
    }
    if (!chosen.length) throw new AppError("CONFLICT", `No orders are waiting to be picked at ${w.code}${orderIds ? " among those chosen" : " with these criteria"}.`);

    const res = await tx.$queryRaw<{ order_id: string; line_id: string; product_id: string; location_id: string; quantity: number; code: string; x: number | null; y: number | null; number: number }[]>`
      SELECT ol.order_id::text, r.owner_id AS line_id, r.product_id::text, r.location_id::text, sum(r.quantity)::int AS quantity, l.code, l.x, l.y, o.number
      FROM reservations r JOIN locations l ON l.id = r.location_id JOIN order_lines ol ON ol.id::text = r.owner_id JOIN orders o ON o.id = ol.order_id
      WHERE r.owner_type = ${LINE_OWNER} AND r.status = 'ACTIVE' AND l.warehouse_id = ${w.id}::uuid AND l.kind <> 'PACK'
        AND ol.order_id = ANY(${chosen.map((c) => c.order_id)}::uuid[])
      GROUP BY ol.order_id, r.owner_id, r.product_id, r.location_id, l.code, l.x, l.y, o.number, ol.line_no
      ORDER BY o.number, ol.line_no`;
    const packLoc = await tx.location.findUniqueOrThrow({ where: { id: pack }, select: { x: true, y: true } });
    const depot = { x: packLoc.x ?? 0, y: packLoc.y ?? 0 };
    const stops = [...new Map(res.map((r) => [r.location_id, { id: r.location_id, code: r.code, x: r.x ?? depot.x, y: r.y ?? depot.y }])).values()];
    const route = planRoute(depot, stops);
    const seqOf = new Map(route.order.map((s, i) => [s.id, i + 1]));
    const wave = await tx.pickWave.create({
      data: {
        warehouseId: w.id,
        criteria: { kind: input.kind, maxOrders: input.maxOrders, maxLines: input.maxLines, placedBefore: input.placedBefore?.toISOString() ?? null, channel: input.channel ?? null, exactRoute: route.exact },
        routeLength: route.length,
        naiveLength: route.naiveLength,
        createdById: actor.id,
      },
    });
    await tx.pickTask.createMany({
      data: res.map((r) => ({ waveId: wave.id, seq: seqOf.get(r.location_id)!, orderId: r.order_id, lineId: r.line_id, productId: r.product_id, locationId: r.location_id, quantity: r.quantity })),
    });
    for (const c of chosen) {
      const o = await tx.order.findUniqueOrThrow({ where: { id: c.order_id }, select: { id: true, status: true, version: true } });
      await event(tx, actor, o.id, "wave", `Added to pick wave W-${wave.number} at ${w.code}`);
      if (o.status !== "PICKING") await transition(tx, actor, o, "PICKING", `Picking started (wave W-${wave.number})`);
    }
    await recordAudit(tx, { actor, action: "wave.create", entityType: "PickWave", entityId: wave.id, after: { number: wave.number, warehouse: w.code, orders: chosen.map((c) => c.number), tasks: res.length, routeLength: route.length, naiveLength: route.naiveLength } });
    return { waveId: wave.id, number: wave.number, orders: chosen.length, tasks: res.length };
  }, { timeoutMs: 30_000 });
}

async function settleWave(tx: Tx, waveId: string) {
  const [row] = await tx.$queryRaw<{ left: number }[]>`SELECT coalesce(sum(quantity - picked - short), 0)::int AS left FROM pick_tasks WHERE wave_id = ${waveId}::uuid`;
  if ((row?.left ?? 0) === 0) await tx.pickWave.updateMany({ where: { id: waveId, status: "OPEN" }, data: { status: "DONE", completedAt: new Date() } });
}

// ---------------------------------------------------------------------------
// Scans
// ---------------------------------------------------------------------------

/** Resolves a scanned bin code (barcode or code) for a wave's warehouse, with the errors a picker needs. */
async function resolveBin(tx: Tx, warehouseId: string, code: string) {
  const c = code.trim();
  const loc =
    (await tx.location.findUnique({ where: { barcode: c }, include: { warehouse: { select: { code: true } } } })) ??
    (await tx.location.findFirst({ where: { warehouseId, code: c }, include: { warehouse: { select: { code: true } } } }));
  if (!loc) throw new AppError("VALIDATION", `Unknown bin “${c}”.`, { issues: [{ path: "bin", message: "No bin has this code" }] });
  if (loc.warehouseId !== warehouseId) throw new AppError("VALIDATION", `Bin ${loc.code} is in warehouse ${loc.warehouse?.code}, not this one.`, { issues: [{ path: "bin", message: "Bin of another warehouse" }] });
  return loc;
}

async function resolveItem(tx: Tx, code: string) {
  const c = code.trim();
  const p = (await tx.product.findUnique({ where: { barcode: c } })) ?? (await tx.product.findUnique({ where: { sku: c } })) ?? (await tx.product.findUnique({ where: { sku: c.toUpperCase() } }));
  if (!p) throw new AppError("VALIDATION", `Unknown item “${c}”.`, { issues: [{ path: "item", message: "No product has this barcode or SKU" }] });
  return p;
}

async function loadTask(tx: Tx, taskId: string, lock: boolean) {
  if (lock) await tx.$queryRaw`SELECT id FROM pick_tasks WHERE id = ${taskId}::uuid FOR UPDATE`;
  const t = await tx.pickTask.findUnique({ where: { id: taskId }, include: { wave: true } });
  if (!t) throw new AppError("NOT_FOUND", "Pick task not found.");
  const loc = await tx.location.findUniqueOrThrow({ where: { id: t.locationId } });
  const product = await tx.product.findUniqueOrThrow({ where: { id: t.productId } });
  return { t, loc, product };
}

async function assertTaskBin(tx: Tx, t: { wave: { warehouseId: string } }, loc: { id: string; code: string }, code: string) {
  const scanned = await resolveBin(tx, t.wave.warehouseId, code);
  if (scanned.id !== loc.id) throw new AppError("VALIDATION", `Wrong bin: go to ${loc.code} (you scanned ${scanned.code}).`, { issues: [{ path: "bin", message: "Wrong bin" }] });
}

async function assertTaskItem(tx: Tx, t: { productId: string }, product: { sku: string }, code: string) {
  const scanned = await resolveItem(tx, code);
  if (scanned.id !== t.productId) throw new AppError("VALIDATION", `Wrong item: this task is ${product.sku} (you scanned ${scanned.sku}).`, { issues: [{ path: "item", message: "Wrong item" }] });
}

/** Checks a bin scan against a task (changes nothing). */
export async function checkBinScan(opts: { taskId: string; code: string }) {
  return transaction(async (tx) => {
    const { t, loc } = await loadTask(tx, opts.taskId, false);
    await assertTaskBin(tx, t, loc, opts.code);
    return { bin: loc.code };
  });
}

/** Checks an item scan against a task (changes nothing). */
export async function checkItemScan(opts: { taskId: string; code: string }) {
  return transaction(async (tx) => {
    const { t, product } = await loadTask(tx, opts.taskId, false);
    await assertTaskItem(tx, t, product, opts.code);
    return { sku: product.sku, left: t.quantity - t.picked - t.short };
  });
}

export type PickResult = { taskId: string; picked: number; short: number; reallocated: number; backordered: number; waveDone: boolean };

/**
 * Confirms a pick: the scanned bin and item must be the task's, the quantity at most what is
 * left. The picked units move from the bin to the packing station with their reservation. With
 * `short`, the rest of the task was not there: it is written off the bin (counted short), and the
 * line's missing units are allocated again (new tasks in this wave when the same warehouse has
 * them elsewhere) or backordered. Idempotent per scan id.
 */
export async function confirmPick(actor: Actor, opts: { scanId: string; taskId: string; bin: string; item: string; quantity: number; short: boolean }): Promise<PickResult & { replay: boolean }> {
  return transaction(async (tx) => {
    const { result, replay } = await oncePerScan(tx, actor, opts.scanId, "pick", async () => {
      const { t, loc, product } = await loadTask(tx, opts.taskId, true);
      if (t.wave.status !== "OPEN") throw new AppError("CONFLICT", `Wave W-${t.wave.number} is ${t.wave.status.toLowerCase()}.`);
      await assertTaskBin(tx, t, loc, opts.bin);
      await assertTaskItem(tx, t, product, opts.item);
      const left = t.quantity - t.picked - t.short;
      if (left === 0) throw new AppError("CONFLICT", `This task is already done (${t.picked} picked).`);
      if (!Number.isInteger(opts.quantity) || opts.quantity < 0) throw new AppError("VALIDATION", "Enter a whole quantity.", { issues: [{ path: "quantity", message: "Whole number, 0 or more" }] });
      if (opts.quantity > left) throw new AppError("VALIDATION", `More than ordered: only ${left} left to pick here.`, { issues: [{ path: "quantity", message: `At most ${left}` }] });
      if (opts.quantity === 0 && !opts.short) throw new AppError("VALIDATION", "Enter the quantity picked, or report it short.", { issues: [{ path: "quantity", message: "At least 1" }] });
      const short = opts.short ? left - opts.quantity : 0;
      const { currency } = await getCompany(tx);
      const pack = await packLocationId(tx, t.wave.warehouseId);
      const order = await tx.order.findUniqueOrThrow({ where: { id: t.orderId }, select: { number: true } });
      if (opts.quantity > 0) {
        await reduceReservation(tx, owner(t.lineId), t.productId, loc.id, opts.quantity, "RELEASED");
        await recordMove(tx, actor, { productId: t.productId, quantity: opts.quantity, fromLocationId: loc.id, toLocationId: pack, type: "PICK", reason: `wave W-${t.wave.number}`, sourceType: "PickTask", sourceId: t.id, currency });
        await addReservation(tx, owner(t.lineId), t.productId, pack, opts.quantity, `picked in W-${t.wave.number}`);
      }
      await tx.pickTask.update({ where: { id: t.id }, data: { picked: { increment: opts.quantity }, short: { increment: short } } });
      let reallocated = 0;
      let backordered = 0;
      if (short > 0) {
        await reduceReservation(tx, owner(t.lineId), t.productId, loc.id, short, "RELEASED");
        const wh = await tx.warehouse.findUniqueOrThrow({ where: { id: t.wave.warehouseId }, select: { code: true } });
        await adjustStock(actor, { sku: product.sku, warehouse: wh.code, quantity: -short, reason: "count", note: `short pick in W-${t.wave.number} for SO-${order.number}`, bin: loc.code, unitCost: undefined }, { tx });
        const r = await shortLine(tx, actor, { lineId: t.lineId, productId: t.productId, shortQty: short, warehouseId: t.wave.warehouseId, waveId: t.waveId });
        reallocated = r.reallocated;
        backordered = r.backordered;
        await event(tx, actor, t.orderId, "short_pick", `Short pick: ${short} × ${product.sku} missing at ${loc.code} (W-${t.wave.number}); ${r.reallocated} allocated again, ${r.backordered} backordered`);
        await settleFulfilment(tx, actor, t.orderId, "Short pick");
      }
      await settleWave(tx, t.waveId);
      const wave = await tx.pickWave.findUniqueOrThrow({ where: { id: t.waveId }, select: { status: true } });
      await recordAudit(tx, { actor, action: "pick.confirm", entityType: "PickTask", entityId: t.id, after: { wave: t.wave.number, sku: product.sku, bin: loc.code, picked: opts.quantity, short } });
      return { taskId: t.id, picked: opts.quantity, short, reallocated, backordered, waveDone: wave.status === "DONE" };
    });
    return { ...result, replay };
  });
}

/**
 * A line came up short by `shortQty` of one item: frees the whole units concerned (kits: the
 * other parts too), allocates them again where stock is, and adds tasks to the wave for what
 * lands at its warehouse.
 */
async function shortLine(tx: Tx, actor: Actor, opts: { lineId: string; productId: string; shortQty: number; warehouseId: string; waveId: string }) {
  const line = await tx.orderLine.findUniqueOrThrow({ where: { id: opts.lineId }, include: { order: { include: { channel: true } } } });
  const reqs = (await requirements(tx, [line.productId])).get(line.productId) ?? [];
  const per = reqs.find((r) => r.productId === opts.productId)?.perUnit ?? 1;
  const units = Math.ceil(opts.shortQty / per);
  await freeLineUnits(tx, actor, { lineId: line.id, warehouseId: opts.warehouseId, units, to: "backorder", already: new Map([[opts.productId, opts.shortQty]]) });
  const decisions = await allocateLines(tx, actor, {
    orderId: line.orderId,
    lines: [{ id: line.id, lineNo: line.lineNo, sku: line.sku, productId: line.productId, need: units }],
    warehouses: await channelWarehouses(tx, line.order.channelId),
    allowSplit: line.order.channel.allowSplit,
    mode: "fill",
  });
  const reallocated = decisions.reduce((s, d) => s + d.detail.result.reduce((x, r) => x + r.quantity, 0), 0);
  // New bin reservations at this warehouse that no open task covers go into this wave.
  const uncovered = await tx.$queryRaw<{ product_id: string; location_id: string; quantity: number }[]>`
    WITH res AS (
      SELECT r.product_id, r.location_id, sum(r.quantity)::int AS qty FROM reservations r JOIN locations l ON l.id = r.location_id
      WHERE r.owner_type = ${LINE_OWNER} AND r.owner_id = ${line.id} AND r.status = 'ACTIVE' AND l.warehouse_id = ${opts.warehouseId}::uuid AND l.kind <> 'PACK'
      GROUP BY r.product_id, r.location_id
    ), open AS (
      SELECT t.product_id, t.location_id, sum(t.quantity - t.picked - t.short)::int AS qty FROM pick_tasks t JOIN pick_waves w ON w.id = t.wave_id
      WHERE t.line_id = ${line.id}::uuid AND w.status = 'OPEN' GROUP BY t.product_id, t.location_id
    )
    SELECT res.product_id::text, res.location_id::text, (res.qty - coalesce(open.qty, 0))::int AS quantity
    FROM res LEFT JOIN open ON open.product_id = res.product_id AND open.location_id = res.location_id
    WHERE res.qty > coalesce(open.qty, 0)`;
  if (uncovered.length) {
    const [m] = await tx.$queryRaw<{ seq: number }[]>`SELECT coalesce(max(seq), 0)::int AS seq FROM pick_tasks WHERE wave_id = ${opts.waveId}::uuid`;
    let seq = m?.seq ?? 0;
    for (const u of uncovered)
      await tx.pickTask.create({ data: { waveId: opts.waveId, seq: ++seq, orderId: line.orderId, lineId: line.id, productId: u.product_id, locationId: u.location_id, quantity: u.quantity } });
  }
  return { units, reallocated, backordered: units - reallocated };
}

/**
 * Gives back `units` of a line's allocation at a warehouse (kits: every part), wherever the goods
 * are: reservations not yet in a wave, then open pick tasks, then picked goods at the packing
 * station (taken out of unshipped packages if need be) which go back to their bin by a move.
 * The units become backordered or cancelled. `already` counts items whose reservation the caller
 * has released itself (a short pick).
 */
export async function freeLineUnits(tx: Tx, actor: Actor, opts: { lineId: string; warehouseId: string; units: number; to: "backorder" | "cancel"; already?: Map<string, number> }) {
  if (opts.units <= 0) return;
  const line = await tx.orderLine.findUniqueOrThrow({ where: { id: opts.lineId } });
  const reqs = (await requirements(tx, [line.productId])).get(line.productId) ?? [];
  const pack = await packLocationId(tx, opts.warehouseId);
  const { currency } = await getCompany(tx);
  for (const r of reqs) {
    let need = opts.units * r.perUnit - (opts.already?.get(r.productId) ?? 0);
    // 1. Reservations at bins not covered by open tasks; 2. open tasks.
    const bins = await tx.$queryRaw<{ location_id: string; reserved: number; in_tasks: number }[]>`
      SELECT r.location_id::text, sum(r.quantity)::int AS reserved,
        coalesce((SELECT sum(t.quantity - t.picked - t.short) FROM pick_tasks t JOIN pick_waves w ON w.id = t.wave_id
          WHERE t.line_id = ${line.id}::uuid AND t.product_id = r.product_id AND t.location_id = r.location_id AND w.status = 'OPEN'), 0)::int AS in_tasks
      FROM reservations r JOIN locations l ON l.id = r.location_id
      WHERE r.owner_type = ${LINE_OWNER} AND r.owner_id = ${line.id} AND r.product_id = ${r.productId}::uuid AND r.status = 'ACTIVE'
        AND l.warehouse_id = ${opts.warehouseId}::uuid AND l.kind <> 'PACK'
      GROUP BY r.location_id, r.product_id`;
    for (const b of bins) {
      const take = Math.min(need, b.reserved - b.in_tasks);
      if (take > 0) {
        await reduceReservation(tx, owner(line.id), r.productId, b.location_id, take, "RELEASED");
        need -= take;
      }
    }
    for (const b of bins) {
      if (!need) break;
      const tasks = await tx.$queryRaw<{ id: string; wave_id: string; left: number }[]>`
        SELECT t.id::text, t.wave_id::text, (t.quantity - t.picked - t.short)::int AS left FROM pick_tasks t JOIN pick_waves w ON w.id = t.wave_id
        WHERE t.line_id = ${line.id}::uuid AND t.product_id = ${r.productId}::uuid AND t.location_id = ${b.location_id}::uuid AND w.status = 'OPEN'
          AND t.quantity - t.picked - t.short > 0 ORDER BY t.seq FOR UPDATE OF t`;
      for (const t of tasks) {
        if (!need) break;
        const take = Math.min(need, t.left);
        await tx.$executeRaw`UPDATE pick_tasks SET quantity = quantity - ${take}, updated_at = now() WHERE id = ${t.id}::uuid`;
        await reduceReservation(tx, owner(line.id), r.productId, b.location_id, take, "RELEASED");
        await settleWave(tx, t.wave_id);
        need -= take;
      }
    }
    // 3. Picked goods at the packing station go back to the bin they came from.
    if (need > 0) {
      const [held] = await tx.$queryRaw<{ qty: number }[]>`
        SELECT coalesce(sum(quantity), 0)::int AS qty FROM reservations
        WHERE owner_type = ${LINE_OWNER} AND owner_id = ${line.id} AND product_id = ${r.productId}::uuid AND location_id = ${pack}::uuid AND status = 'ACTIVE'`;
      const take = Math.min(need, held?.qty ?? 0);
      if (take > 0) {
        await unpackItems(tx, line.id, r.productId, opts.warehouseId, take);
        const from = await tx.pickTask.findFirst({ where: { lineId: line.id, productId: r.productId, picked: { gt: 0 }, wave: { warehouseId: opts.warehouseId } }, orderBy: { updatedAt: "desc" }, select: { locationId: true } });
        const bin = from?.locationId ?? (await tx.location.findFirstOrThrow({ where: { warehouseId: opts.warehouseId, isDefault: true }, select: { id: true } })).id;
        await reduceReservation(tx, owner(line.id), r.productId, pack, take, "RELEASED");
        await recordMove(tx, actor, { productId: r.productId, quantity: take, fromLocationId: pack, toLocationId: bin, type: "TRANSFER", reason: "put back: no longer needed for the order", sourceType: "OrderLine", sourceId: line.id, currency });
        need -= take;
      }
    }
    if (need > 0) throw new AppError("CONFLICT", `Line ${line.lineNo} holds less of ${line.sku} at this warehouse than expected; reload and try again.`);
  }
  const n =
    opts.to === "backorder"
      ? await tx.$executeRaw`UPDATE order_lines SET allocated = allocated - ${opts.units}, backordered = backordered + ${opts.units} WHERE id = ${line.id}::uuid AND allocated >= ${opts.units}`
      : await tx.$executeRaw`UPDATE order_lines SET allocated = allocated - ${opts.units}, cancelled = cancelled + ${opts.units} WHERE id = ${line.id}::uuid AND allocated >= ${opts.units}`;
  if (n !== 1) throw new AppError("CONFLICT", "The line changed meanwhile; reload and try again.");
  await reduceLineAllocation(tx, line.id, opts.warehouseId, opts.units);
}

async function reduceLineAllocation(tx: Tx, lineId: string, warehouseId: string, units: number) {
  const gone = await tx.$executeRaw`DELETE FROM line_allocations WHERE line_id = ${lineId}::uuid AND warehouse_id = ${warehouseId}::uuid AND quantity = ${units}`;
  if (gone === 1) return;
  const n = await tx.$executeRaw`UPDATE line_allocations SET quantity = quantity - ${units} WHERE line_id = ${lineId}::uuid AND warehouse_id = ${warehouseId}::uuid AND quantity > ${units}`;
  if (n !== 1) throw new AppError("CONFLICT", "The allocation changed meanwhile; reload and try again.");
}

/** Takes items of a line out of unshipped packages when fewer than `quantity` are unpacked. */
async function unpackItems(tx: Tx, lineId: string, productId: string, warehouseId: string, quantity: number) {
  const pack = await packLocationId(tx, warehouseId);
  const [held] = await tx.$queryRaw<{ qty: number }[]>`
    SELECT coalesce(sum(quantity), 0)::int AS qty FROM reservations
    WHERE owner_type = ${LINE_OWNER} AND owner_id = ${lineId} AND product_id = ${productId}::uuid AND location_id = ${pack}::uuid AND status = 'ACTIVE'`;
  const items = await tx.$queryRaw<{ package_id: string; quantity: number }[]>`
    SELECT i.package_id::text, i.quantity FROM package_items i JOIN packages p ON p.id = i.package_id
    WHERE i.line_id = ${lineId}::uuid AND i.product_id = ${productId}::uuid AND p.status <> 'SHIPPED' AND p.warehouse_id = ${warehouseId}::uuid
    ORDER BY p.status, p.number DESC FOR UPDATE OF i`;
  const packed = items.reduce((s, i) => s + i.quantity, 0);
  let out = Math.max(0, quantity - ((held?.qty ?? 0) - packed));
  for (const i of items) {
    if (!out) break;
    const take = Math.min(out, i.quantity);
    if (take === i.quantity) await tx.$executeRaw`DELETE FROM package_items WHERE package_id = ${i.package_id}::uuid AND line_id = ${lineId}::uuid AND product_id = ${productId}::uuid`;
    else await tx.$executeRaw`UPDATE package_items SET quantity = quantity - ${take} WHERE package_id = ${i.package_id}::uuid AND line_id = ${lineId}::uuid AND product_id = ${productId}::uuid`;
    await tx.$executeRaw`DELETE FROM packages p WHERE p.id = ${i.package_id}::uuid AND NOT EXISTS (SELECT 1 FROM package_items x WHERE x.package_id = p.id)`;
    out -= take;
  }
}

/**
 * Returns a line's open units at every warehouse (after picking they go back to their bins by
 * moves). Used when a line or order is cancelled after picking started.
 */
export async function returnLineToStock(tx: Tx, actor: Actor, lineId: string) {
  const allocs = await tx.lineAllocation.findMany({ where: { lineId } });
  for (const a of allocs) await freeLineUnits(tx, actor, { lineId, warehouseId: a.warehouseId, units: a.quantity, to: "cancel" });
}

// ---------------------------------------------------------------------------
// Order status from fulfilment progress
// ---------------------------------------------------------------------------

const FULFILMENT: readonly OrderStatus[] = ["ALLOCATED", "PARTIALLY_ALLOCATED", "BACKORDERED", "PICKING", "PACKED", "PARTIALLY_SHIPPED", "SHIPPED"];

/** Re-derives the order's status from what is left to pick, pack and ship. */
export async function settleFulfilment(tx: Tx, actor: Actor, orderId: string, why: string) {
  const o = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });
  if (!FULFILMENT.includes(o.status)) return o.status;
  const [p] = await tx.$queryRaw<{ tasks: number; at_pack: number; packed: number; closed: number }[]>`
    SELECT
      (SELECT coalesce(sum(t.quantity - t.picked - t.short), 0) FROM pick_tasks t JOIN pick_waves w ON w.id = t.wave_id WHERE t.order_id = ${orderId}::uuid AND w.status = 'OPEN')::int AS tasks,
      (SELECT coalesce(sum(r.quantity), 0) FROM reservations r JOIN locations l ON l.id = r.location_id JOIN order_lines ol ON ol.id::text = r.owner_id
         WHERE ol.order_id = ${orderId}::uuid AND r.owner_type = ${LINE_OWNER} AND r.status = 'ACTIVE' AND l.kind = 'PACK')::int AS at_pack,
      (SELECT coalesce(sum(i.quantity), 0) FROM package_items i JOIN packages pk ON pk.id = i.package_id WHERE pk.order_id = ${orderId}::uuid AND pk.status <> 'SHIPPED')::int AS packed,
      (SELECT coalesce(sum(i.quantity), 0) FROM package_items i JOIN packages pk ON pk.id = i.package_id WHERE pk.order_id = ${orderId}::uuid AND pk.status = 'PACKED')::int AS closed`;
  const open = o.lines.reduce((s, l) => s + l.allocated + l.backordered, 0);
  const shipped = o.lines.reduce((s, l) => s + l.shipped, 0);
  let next: OrderStatus;
  if (open === 0) next = shipped > 0 ? "SHIPPED" : "CANCELLED";
  else if (p!.tasks > 0) next = "PICKING";
  else if (shipped > 0) next = "PARTIALLY_SHIPPED";
  else if (p!.at_pack > 0) next = p!.closed === p!.at_pack ? "PACKED" : "PICKING";
  else next = allocationStatus(o.lines);
  if (next !== o.status) await transition(tx, actor, o, next, why);
  return next;
}

// ---------------------------------------------------------------------------
// Packing
// ---------------------------------------------------------------------------

export type PackLine = { lineId: string; lineNo: number; productId: string; sku: string; name: string; barcode: string | null; picked: number; packed: number; kit: string | null };

/** What an order has at a warehouse's packing station: picked units per line and item, and how many are packed. */
export async function packingState(tx: Tx, orderId: string, warehouseId: string): Promise<PackLine[]> {
  const pack = await packLocationId(tx, warehouseId);
  return tx.$queryRaw<PackLine[]>`
    SELECT ol.id::text AS "lineId", ol.line_no AS "lineNo", r.product_id::text AS "productId", p.sku, p.name, p.barcode,
      sum(r.quantity)::int AS picked,
      coalesce((SELECT sum(i.quantity) FROM package_items i JOIN packages pk ON pk.id = i.package_id
        WHERE i.line_id = ol.id AND i.product_id = r.product_id AND pk.status <> 'SHIPPED'), 0)::int AS packed,
      CASE WHEN ol.product_id <> r.product_id THEN ol.sku END AS kit
    FROM reservations r JOIN order_lines ol ON ol.id::text = r.owner_id JOIN products p ON p.id = r.product_id
    WHERE ol.order_id = ${orderId}::uuid AND r.owner_type = ${LINE_OWNER} AND r.status = 'ACTIVE' AND r.location_id = ${pack}::uuid
    GROUP BY ol.id, ol.line_no, r.product_id, p.sku, p.name, p.barcode, ol.product_id, ol.sku
    ORDER BY ol.line_no, p.sku`;
}

/**
 * Scans one item into the order's open package at a warehouse (opening one when there is none).
 * Refused when the item is not in the order's picked goods or all of it is packed already
 * (nothing extra); idempotent per scan id.
 */
export async function packScan(actor: Actor, opts: { scanId: string; orderId: string; warehouse: string; item: string; boxType?: string }) {
  return transaction(async (tx) => {
    const { result, replay } = await oncePerScan(tx, actor, opts.scanId, "pack", async () => {
      const o = await lockOrder(tx, opts.orderId);
      if (o.status === "ON_HOLD" || o.status === "CANCELLED") throw new AppError("CONFLICT", `Order SO-${o.number} is ${label(o.status)}; do not pack it.`);
      const w = await tx.warehouse.findUnique({ where: { code: opts.warehouse } });
      if (!w) throw new AppError("VALIDATION", `Unknown warehouse ${opts.warehouse}.`);
      const item = await resolveItem(tx, opts.item);
      const state = await packingState(tx, o.id, w.id);
      const candidates = state.filter((s) => s.productId === item.id);
      if (!candidates.length) throw new AppError("VALIDATION", `${item.sku} is not in this order's picked goods — put it aside.`, { issues: [{ path: "item", message: "Not in this order" }] });
      const target = candidates.find((s) => s.picked > s.packed);
      if (!target) throw new AppError("VALIDATION", `All ${candidates.reduce((s, c) => s + c.picked, 0)} × ${item.sku} are packed already — this one is extra.`, { issues: [{ path: "item", message: "Already packed" }] });
      let pkg = await tx.package.findFirst({ where: { orderId: o.id, warehouseId: w.id, status: "OPEN" }, orderBy: { number: "desc" } });
      if (!pkg) pkg = await tx.package.create({ data: { orderId: o.id, warehouseId: w.id, boxType: opts.boxType ?? "M" } });
      await tx.$executeRaw`
        INSERT INTO package_items (package_id, line_id, product_id, quantity) VALUES (${pkg.id}::uuid, ${target.lineId}::uuid, ${item.id}::uuid, 1)
        ON CONFLICT (package_id, line_id, product_id) DO UPDATE SET quantity = package_items.quantity + 1`;
      return { packageId: pkg.id, packageNumber: pkg.number, sku: item.sku, packed: target.packed + 1, picked: target.picked };
    });
    return { ...result, replay };
  });
}

/**
 * Closes the open package with its box type and weight. Kits travel whole: a package holds
 * complete sets of a kit's parts. When every picked unit of the order is in closed packages and
 * nothing is left to pick, the order is packed.
 */
export async function closePackage(actor: Actor, opts: { packageId: string; boxType: string; weightGrams?: number }) {
  return transaction(async (tx) => {
    const pkg = await tx.package.findUnique({ where: { id: opts.packageId }, include: { items: true } });
    if (!pkg) throw new AppError("NOT_FOUND", "Package not found.");
    const o = await lockOrder(tx, pkg.orderId);
    if (pkg.status !== "OPEN") throw new AppError("CONFLICT", `Package PKG-${pkg.number} is ${pkg.status.toLowerCase()} already.`);
    if (!pkg.items.length) throw new AppError("VALIDATION", "Scan at least one item into the package.");
    const closeReqs = await requirements(tx, [...new Set(o.lines.map((l) => l.productId))]);
    for (const lineId of new Set(pkg.items.map((i) => i.lineId))) {
      const line = o.lines.find((l) => l.id === lineId)!;
      const reqs = closeReqs.get(line.productId) ?? [];
      const units = reqs.map((r) => (pkg.items.find((i) => i.lineId === lineId && i.productId === r.productId)?.quantity ?? 0) / r.perUnit);
      if (units.some((u) => u !== units[0] || !Number.isInteger(u)))
        throw new AppError("VALIDATION", `Kit ${line.sku} must travel whole: pack its parts together (${reqs.length} items per set).`, { issues: [{ path: "items", message: `Incomplete kit ${line.sku}` }] });
    }
    await tx.package.update({ where: { id: pkg.id }, data: { status: "PACKED", boxType: opts.boxType, weightGrams: opts.weightGrams ?? null, packedAt: new Date() } });
    const items = pkg.items.reduce((s, i) => s + i.quantity, 0);
    await event(tx, actor, o.id, "packed", `Package PKG-${pkg.number} packed (${items} item${items === 1 ? "" : "s"}, box ${opts.boxType}${opts.weightGrams ? `, ${opts.weightGrams} g` : ""})`);
    const status = await settleFulfilment(tx, actor, o.id, "All picked goods packed");
    await recordAudit(tx, { actor, action: "package.close", entityType: "Package", entityId: pkg.id, after: { number: pkg.number, order: o.number, boxType: opts.boxType, weightGrams: opts.weightGrams, items } });
    return { packageId: pkg.id, number: pkg.number, orderStatus: status };
  });
}

// ---------------------------------------------------------------------------
// Shipping
// ---------------------------------------------------------------------------

/**
 * Ships a packed package: its goods move from the packing station to the Customer location,
 * their reservations are consumed, the lines count them shipped, the order becomes partially
 * shipped or shipped, and cost of goods sold is posted against inventory at the goods'
 * valuation — one transaction.
 */
export async function shipPackage(actor: Actor, opts: { packageId: string; carrier: string; service: string; trackingNumber?: string }) {
  return transaction(async (tx) => {
    const pkg = await tx.package.findUnique({ where: { id: opts.packageId }, include: { items: true } });
    if (!pkg) throw new AppError("NOT_FOUND", "Package not found.");
    const o = await lockOrder(tx, pkg.orderId);
    const fresh = await tx.package.findUniqueOrThrow({ where: { id: pkg.id } });
    if (fresh.status === "SHIPPED") throw new AppError("CONFLICT", `Package PKG-${pkg.number} has shipped already.`);
    if (fresh.status !== "PACKED") throw new AppError("CONFLICT", `Close package PKG-${pkg.number} before shipping it.`);
    if (o.status === "ON_HOLD" || o.status === "CANCELLED") throw new AppError("CONFLICT", `Order SO-${o.number} is ${label(o.status)}; it cannot ship.`);
    const carrier = carrierByCode(opts.carrier);
    if (!carrier) throw new AppError("VALIDATION", `Unknown carrier ${opts.carrier}.`, { issues: [{ path: "carrier", message: "Unknown carrier" }] });
    const label_ = await carrier.createShipment({ service: opts.service, trackingNumber: opts.trackingNumber, weightGrams: fresh.weightGrams });

    const { currency } = await getCompany(tx);
    const pack = await packLocationId(tx, pkg.warehouseId);
    const customer = await virtualLocationId(tx, "CUSTOMER");
    const shipmentId = crypto.randomUUID();
    let cost = 0n;
    for (const i of pkg.items) {
      await reduceReservation(tx, owner(i.lineId), i.productId, pack, i.quantity, "CONSUMED");
      const m = await recordMove(tx, actor, { productId: i.productId, quantity: i.quantity, fromLocationId: pack, toLocationId: customer, type: "SHIPMENT", reason: `SO-${o.number} PKG-${pkg.number}`, sourceType: "Shipment", sourceId: shipmentId, currency });
      cost += m.value;
    }
    const shipReqs = await requirements(tx, [...new Set(o.lines.map((l) => l.productId))]);
    for (const lineId of new Set(pkg.items.map((i) => i.lineId))) {
      const line = o.lines.find((l) => l.id === lineId)!;
      const first = (shipReqs.get(line.productId) ?? [])[0]!;
      const units = (pkg.items.find((i) => i.lineId === lineId && i.productId === first.productId)?.quantity ?? 0) / first.perUnit;
      const n = await tx.$executeRaw`UPDATE order_lines SET allocated = allocated - ${units}, shipped = shipped + ${units} WHERE id = ${lineId}::uuid AND allocated >= ${units}`;
      if (n !== 1) throw new AppError("CONFLICT", `Line ${line.lineNo} changed meanwhile; reload and try again.`);
      await reduceLineAllocation(tx, lineId, pkg.warehouseId, units);
    }
    try {
      await tx.shipment.create({
        data: { id: shipmentId, packageId: pkg.id, orderId: o.id, warehouseId: pkg.warehouseId, carrier: carrier.code, service: opts.service, trackingNumber: label_.trackingNumber, cost, createdById: actor.id },
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError("CONFLICT", `Tracking number ${label_.trackingNumber} is already used by another ${carrier.name} shipment.`, { issues: [{ path: "trackingNumber", message: "Already used" }] });
      throw e;
    }
    await tx.package.update({ where: { id: pkg.id }, data: { status: "SHIPPED" } });
    if (cost > 0n)
      await postJournalEntry(tx, actor, {
        sourceType: "Shipment",
        sourceId: shipmentId,
        kind: "cogs",
        memo: `Cost of goods shipped SO-${o.number} PKG-${pkg.number}`,
        currency,
        lines: [{ account: "cost_of_goods_sold", debit: cost }, { account: "inventory", credit: cost }],
      });
    await event(tx, actor, o.id, "shipped", `PKG-${pkg.number} shipped with ${carrier.name} ${opts.service}, tracking ${label_.trackingNumber}`);
    const status = await settleFulfilment(tx, actor, o.id, "Shipped");
    await recordAudit(tx, { actor, action: "shipment.create", entityType: "Shipment", entityId: shipmentId, after: { order: o.number, package: pkg.number, carrier: carrier.code, service: opts.service, trackingNumber: label_.trackingNumber, cost } });
    return { shipmentId, trackingNumber: label_.trackingNumber, cost, orderStatus: status };
  });
}

/** Marks a shipment delivered; when every shipment of a shipped order is delivered, so is the order. */
export async function markDelivered(actor: Actor, opts: { shipmentId: string }) {
  return transaction(async (tx) => {
    const s = await tx.shipment.findUnique({ where: { id: opts.shipmentId } });
    if (!s) throw new AppError("NOT_FOUND", "Shipment not found.");
    const o = await lockOrder(tx, s.orderId);
    if (s.deliveredAt) return { orderStatus: o.status };
    await tx.shipment.update({ where: { id: s.id }, data: { deliveredAt: new Date() } });
    await event(tx, actor, o.id, "delivered", `Shipment ${s.trackingNumber} delivered`);
    const pending = await tx.shipment.count({ where: { orderId: o.id, deliveredAt: null } });
    let status = o.status;
    if (o.status === "SHIPPED" && pending === 0) {
      await transition(tx, actor, o, "DELIVERED", "All shipments delivered");
      status = "DELIVERED";
    }
    await recordAudit(tx, { actor, action: "shipment.deliver", entityType: "Shipment", entityId: s.id, after: { order: o.number, trackingNumber: s.trackingNumber } });
    return { orderStatus: status };
  });
}
