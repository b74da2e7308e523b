import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { adjustStock } from "@/lib/inventory/adjustments";
import { setReorderRule } from "@/lib/inventory/reorder";
import { createOrder } from "@/lib/orders/service";
import { deliverOutbox, queueDigests, retryOutboxEmail } from "@/lib/alerts/outbox";
import { setAlertSubscriptions } from "@/lib/alerts/service";
import { runIntegrityChecks } from "@/lib/integrity/checks";
import { actor, makeProduct, makeWarehouse } from "./inventory-helpers";
import { makeChannel, orderBody } from "./orders-helpers";
import { makeUser } from "./helpers";
import { Inbox } from "./smtp-inbox";

const inbox = new Inbox();
beforeAll(() => inbox.start());
afterAll(() => inbox.stop());

async function subscribed(mode: "immediate" | "digest", warehouse: string) {
  const u = await makeUser("MANAGER");
  await setAlertSubscriptions(SYSTEM_ACTOR, u.id, { modes: { [warehouse]: mode } });
  return u;
}

const alertsOf = (productId: string) => db().alert.findMany({ where: { productId }, orderBy: { id: "asc" } });
const mailTo = (email: string) => db().outboxEmail.findMany({ where: { toEmail: email }, orderBy: { id: "asc" } });

describe("low-stock alerts", () => {
  it("raises one alert per crossing below the reorder point, none while it stays below, again after recovery", async () => {
    const w = await makeWarehouse();
    const p = await makeProduct();
    const u = await subscribed("immediate", w);
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: 10, reason: "initial", unitCost: "1.00" });
    await setReorderRule(actor, { sku: p.sku, warehouse: w, reorderPoint: 5, reorderQuantity: 20 });
    expect(await alertsOf(p.id)).toHaveLength(0);
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: -6, reason: "damage" }); // 4 < 5
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: -1, reason: "damage" }); // still below
    let alerts = await alertsOf(p.id);
    expect(alerts.map((a) => [a.available, a.reorderPoint])).toEqual([[4, 5]]);
    // The email waits in the outbox, written in the same transaction.
    expect((await mailTo(u.email)).map((m) => [m.kind, m.status])).toEqual([["low_stock", "PENDING"]]);
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: 10, reason: "found", unitCost: "1.00" }); // 13, recovered
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: -10, reason: "theft" }); // 3, crossed again
    alerts = await alertsOf(p.id);
    expect(alerts.map((a) => a.available)).toEqual([4, 3]);
    expect(await mailTo(u.email)).toHaveLength(2);
  });

  it("setting a reorder point above what is available raises the alert at once", async () => {
    const w = await makeWarehouse();
    const p = await makeProduct();
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: 3, reason: "initial", unitCost: "1.00" });
    await setReorderRule(actor, { sku: p.sku, warehouse: w, reorderPoint: 8 });
    expect((await alertsOf(p.id)).map((a) => [a.available, a.reorderPoint])).toEqual([[3, 8]]);
  });

  it("a transaction that fails leaves no alert and no email", async () => {
    const w = await makeWarehouse();
    const p = await makeProduct();
    await subscribed("immediate", w);
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: 5, reason: "initial", unitCost: "1.00" });
    await setReorderRule(actor, { sku: p.sku, warehouse: w, reorderPoint: 3 });
    const before = await db().outboxEmail.count();
    await expect(
      db().$transaction(async (tx) => {
        await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: -4, reason: "damage" }, { tx });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await alertsOf(p.id)).toHaveLength(0);
    expect(await db().outboxEmail.count()).toBe(before);
  });

  it("many concurrent orders pushing an item under its point raise exactly one alert", async () => {
    const w = await makeWarehouse();
    const p = await makeProduct();
    const u = await subscribed("immediate", w);
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: 30, reason: "initial", unitCost: "1.00" });
    await setReorderRule(actor, { sku: p.sku, warehouse: w, reorderPoint: 20 });
    const ch = await makeChannel([w]);
    await Promise.all(Array.from({ length: 25 }, () => createOrder(SYSTEM_ACTOR, { channelId: ch.id, input: orderBody([{ sku: p.sku, quantity: 1 }]) })));
    expect(await alertsOf(p.id)).toHaveLength(1);
    expect(await mailTo(u.email)).toHaveLength(1);
    expect((await runIntegrityChecks()).violations).toEqual([]);
  });
});

describe("email outbox over real SMTP", () => {
  it("delivers an alert email (HTML and text, with a link to the item) exactly once", async () => {
    const w = await makeWarehouse();
    const p = await makeProduct();
    const u = await subscribed("immediate", w);
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: 2, reason: "initial", unitCost: "1.00" });
    await setReorderRule(actor, { sku: p.sku, warehouse: w, reorderPoint: 5 });
    inbox.received = [];
    const r = await deliverOutbox({ smtpUrl: inbox.url });
    expect(r.sent).toBeGreaterThanOrEqual(1);
    const mine = inbox.received.filter((m) => m.to === u.email);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toContain(`Low stock: ${p.sku} at ${w}`);
    expect(mine[0]!.raw).toContain("text/html");
    expect(mine[0]!.raw).toContain("text/plain");
    expect(mine[0]!.raw.replace(/=\r?\n/g, "")).toContain(`/inventory/products/${p.id}`);
    expect((await mailTo(u.email))[0]).toMatchObject({ status: "SENT", attempts: 1 });
    await deliverOutbox({ smtpUrl: inbox.url });
    expect(inbox.received.filter((m) => m.to === u.email)).toHaveLength(1);
  });

  it("SMTP down: kept with its error and a backoff; SMTP up and retried: delivered once", async () => {
    const w = await makeWarehouse();
    const p = await makeProduct();
    const u = await subscribed("immediate", w);
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: 1, reason: "initial", unitCost: "1.00" });
    await setReorderRule(actor, { sku: p.sku, warehouse: w, reorderPoint: 2 });
    const down = new Inbox();
    await down.start();
    const port = down.port;
    await down.stop(); // nothing listens on this port now
    const r1 = await deliverOutbox({ smtpUrl: `smtp://127.0.0.1:${port}` });
    expect(r1.failed).toBeGreaterThanOrEqual(1);
    let [m] = await mailTo(u.email);
    expect(m).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(m!.lastError).toBeTruthy();
    expect(m!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: a sweep leaves it alone.
    const up = new Inbox();
    await up.start(port);
    await deliverOutbox({ smtpUrl: up.url });
    expect(up.received.filter((x) => x.to === u.email)).toHaveLength(0);
    // An admin's "retry now", then the next sweep delivers it once.
    await retryOutboxEmail(m!.id);
    await deliverOutbox({ smtpUrl: up.url });
    await deliverOutbox({ smtpUrl: up.url });
    expect(up.received.filter((x) => x.to === u.email)).toHaveLength(1);
    [m] = await mailTo(u.email);
    expect(m).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    await up.stop();
  });

  it("two workers sweeping at once never send the same email twice", async () => {
    const w = await makeWarehouse();
    const users = [await subscribed("immediate", w), await subscribed("immediate", w), await subscribed("immediate", w)];
    for (let i = 0; i < 4; i++) {
      const p = await makeProduct();
      await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: 1, reason: "initial", unitCost: "1.00" });
      await setReorderRule(actor, { sku: p.sku, warehouse: w, reorderPoint: 5 });
    }
    inbox.received = [];
    await Promise.all([deliverOutbox({ smtpUrl: inbox.url, limit: 3 }), deliverOutbox({ smtpUrl: inbox.url, limit: 3 }), deliverOutbox({ smtpUrl: inbox.url })]);
    await deliverOutbox({ smtpUrl: inbox.url });
    for (const u of users) {
      const got = inbox.received.filter((m) => m.to === u.email);
      expect(got).toHaveLength(4);
      expect(new Set(got.map((g) => g.subject)).size).toBe(4);
    }
  });

  it("daily digests gather a day's alerts into one email per user", async () => {
    const w = await makeWarehouse();
    const u = await subscribed("digest", w);
    for (let i = 0; i < 3; i++) {
      const p = await makeProduct();
      await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: 1, reason: "initial", unitCost: "1.00" });
      await setReorderRule(actor, { sku: p.sku, warehouse: w, reorderPoint: 5 });
    }
    expect(await mailTo(u.email)).toHaveLength(0); // digest users get no immediate email
    await queueDigests();
    await queueDigests(); // the same day: no second digest
    const mails = await mailTo(u.email);
    expect(mails).toHaveLength(1);
    expect((mails[0]!.payload as { alertIds: string[] }).alertIds).toHaveLength(3);
    inbox.received = [];
    await deliverOutbox({ smtpUrl: inbox.url });
    expect(inbox.received.find((m) => m.to === u.email)?.subject).toContain("3 items below the reorder point");
  });
});
