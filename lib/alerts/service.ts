import "server-only";
import { z } from "zod";
import { db, transaction } from "../db";
import { recordAudit, type Actor } from "../audit/service";
import { AppError } from "../errors";

export const subscriptionInput = z
  .object({
    /** warehouse code → off | immediate | digest */
    modes: z.record(z.string().trim().min(1).max(64), z.enum(["off", "immediate", "digest"], { error: "Off, immediately or daily digest" })),
  })
  .strict();
export type SubscriptionInput = z.infer<typeof subscriptionInput>;

/** A user's own low-stock alert choices per warehouse (replacing the previous ones), audited. */
export async function setAlertSubscriptions(actor: Actor, userId: string, input: SubscriptionInput) {
  return transaction(async (tx) => {
    const codes = Object.keys(input.modes);
    const whs = await tx.warehouse.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
    const unknown = codes.filter((c) => !whs.some((w) => w.code === c));
    if (unknown.length) throw new AppError("VALIDATION", `Unknown warehouse ${unknown.join(", ")}.`, { issues: unknown.map((c) => ({ path: `modes.${c}`, message: "Unknown warehouse" })) });
    const before = await tx.alertSubscription.findMany({ where: { userId } });
    for (const w of whs) {
      const mode = input.modes[w.code]!;
      if (mode === "off") await tx.alertSubscription.deleteMany({ where: { userId, warehouseId: w.id } });
      else {
        const m = mode === "immediate" ? "IMMEDIATE" : "DIGEST";
        await tx.alertSubscription.upsert({ where: { userId_warehouseId: { userId, warehouseId: w.id } }, create: { userId, warehouseId: w.id, mode: m }, update: { mode: m } });
      }
    }
    await recordAudit(tx, { actor, action: "alerts.subscribe", entityType: "User", entityId: userId, before: before.map((b) => ({ warehouseId: b.warehouseId, mode: b.mode })), after: input.modes });
    return { saved: whs.length };
  });
}

export async function alertSubscriptionsOf(userId: string) {
  const [whs, subs] = await Promise.all([
    db().warehouse.findMany({ where: { active: true }, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }),
    db().alertSubscription.findMany({ where: { userId } }),
  ]);
  return whs.map((w) => {
    const s = subs.find((x) => x.warehouseId === w.id);
    return { code: w.code, name: w.name, mode: s ? (s.mode === "IMMEDIATE" ? "immediate" : "digest") : "off" } as const;
  });
}

export async function listAlerts(opts: { limit?: number } = {}) {
  return db().$queryRaw<{ id: bigint; sku: string; name: string; productId: string; warehouse: string; available: number; reorderPoint: number; createdAt: Date; below: boolean }[]>`
    SELECT a.id, p.sku, p.name, p.id::text AS "productId", w.code AS warehouse, a.available, a.reorder_point AS "reorderPoint", a.created_at AS "createdAt",
      coalesce(s.below, false) AS below
    FROM alerts a JOIN products p ON p.id = a.product_id JOIN warehouses w ON w.id = a.warehouse_id
    LEFT JOIN low_stock_states s ON s.product_id = a.product_id AND s.warehouse_id = a.warehouse_id
    ORDER BY a.created_at DESC, a.id DESC LIMIT ${opts.limit ?? 200}`;
}

export async function listOutbox(opts: { limit?: number } = {}) {
  return db().outboxEmail.findMany({ orderBy: { id: "desc" }, take: opts.limit ?? 200 });
}
