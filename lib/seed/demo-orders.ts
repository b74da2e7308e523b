import "server-only";
import { db, transaction } from "../db";
import { SYSTEM_ACTOR, type Actor } from "../audit/service";
import { createChannel } from "../channels/service";
import { toDecimalString } from "../money";
import type { OrderInput } from "../orders/schema";
import { cancelOrder, createOrder, holdOrder } from "../orders/service";

/**
 * The demo company's sales: four channels (web shop, Amazon, the flagship store, Instagram)
 * and about three hundred orders over the last 90 days, all through the order services, so the
 * books, reservations and allocation reasons are exactly what real intake would produce.
 *
 * States reached: ALLOCATED (most), PARTIALLY_ALLOCATED and BACKORDERED (a few wholesale
 * orders late in the window take more than the stock of three items, so the orders after them
 * wait), ON_HOLD and CANCELLED. Picking, packed, shipped and delivered need the fulfilment
 * services, which do not exist yet; nothing here writes a status directly.
 */

/** Same generator as demo-inventory.ts, its own seed: every demo database looks the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DAY = 24 * 60 * 60 * 1000;

const CHANNELS = [
  { code: "WEB", name: "Own web shop", type: "webshop", currency: "USD", warehouses: ["MAIN", "EAST"], allowSplit: true, taxRate: "0.0825", pricesIncludeTax: false },
  { code: "AMZ", name: "Amazon US", type: "marketplace", platform: "amazon", currency: "USD", warehouses: ["EAST", "MAIN"], allowSplit: false, taxRate: "0", pricesIncludeTax: false },
  { code: "STORE", name: "Flagship store", type: "instore", currency: "USD", warehouses: ["MAIN"], allowSplit: false, taxRate: "0.0825", pricesIncludeTax: true },
  { code: "IG", name: "Instagram shop", type: "social", platform: "instagram", currency: "USD", warehouses: ["MAIN", "EAST"], allowSplit: true, taxRate: "0.0825", pricesIncludeTax: false },
] as const;

type ChannelCode = (typeof CHANNELS)[number]["code"];

/** Who places orders of each channel (shown in order timelines and the audit log). */
const CHANNEL_ACTORS: Record<ChannelCode, Actor> = {
  WEB: { id: null, label: "api-key:Web shop sync" },
  AMZ: { id: null, label: "api-key:Amazon connector" },
  STORE: { id: null, label: "pos:Flagship store" },
  IG: { id: null, label: "webhook:IG" },
};

const FIRST = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas", "Mia", "Mateo", "Amelia", "Benjamin", "Harper", "Henry", "Evelyn", "Theodore", "Abigail", "Jack", "Emily", "Levi", "Ella", "Alexander", "Chloe", "Jackson", "Grace", "Samuel", "Nora", "Daniel", "Zoe", "Owen", "Hannah", "Wyatt", "Aria", "Caleb", "Layla", "Isaac", "Riley", "Nathan", "Maya", "Aaron", "Priya", "Diego", "Aisha", "Kenji", "Fatima", "Marco"];
const LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Nguyen", "Hill", "Flores", "Green", "Patel", "Kim", "Okafor", "Rossi", "Novak"];
const STREETS = ["Maple Ave", "Oak St", "Pine St", "Cedar Ln", "Elm St", "Washington Blvd", "Lake Dr", "Hillcrest Rd", "Park Ave", "Sunset Blvd", "Main St", "River Rd", "Highland Ave", "Church St", "Broadway", "Willow Way", "Chestnut St", "Franklin Ave"];
const CITIES: [string, string][] = [
  ["Springfield", "62704"],
  ["Austin", "78701"],
  ["Denver", "80202"],
  ["Portland", "97205"],
  ["Brooklyn", "11215"],
  ["Chicago", "60614"],
  ["Seattle", "98103"],
  ["Boston", "02116"],
  ["Atlanta", "30309"],
  ["Phoenix", "85004"],
  ["Minneapolis", "55408"],
  ["Nashville", "37203"],
  ["San Diego", "92101"],
  ["Raleigh", "27601"],
  ["Columbus", "43215"],
  ["Newark", "07102"],
  ["Madison", "53703"],
  ["Salt Lake City", "84101"],
];
const CANCEL_REASONS = ["Customer changed their mind", "Payment failed", "Duplicate order", "Ordered the wrong size", "Address outside the delivery area"];
const HOLD_REASONS = ["Address could not be verified", "Fraud check: billing and shipping countries differ", "Customer asked to ship with their next order", "Gift message to confirm with the customer"];
/** Items that wholesale orders late in the window run out of, so later orders wait for them. */
const SCARCE = ["BOTTLE-750", "TENT-2P", "EARBUD-PRO"];

type Customer = { name: string; email: string; address: OrderInput["shippingAddress"]; alt?: OrderInput["shippingAddress"] };
type Spec = { at: Date; channel: ChannelCode; externalId: string; customer: Customer; useAlt: boolean; lines: { sku: string; quantity: number }[]; paid: boolean; wholesale?: { sku: string; extra: number } };

export type DemoOrdersResult = { channels: number; orders: number; byStatus: Record<string, number>; ms: number };

export async function seedDemoOrders(now = new Date()): Promise<DemoOrdersResult> {
  const started = Date.now();
  if (await db().channel.findUnique({ where: { code: "WEB" }, select: { id: true } })) return { channels: 0, orders: 0, byStatus: {}, ms: 0 };

  for (const c of CHANNELS) await createChannel(SYSTEM_ACTOR, { ...c, warehouses: [...c.warehouses] });
  const channelIds = new Map((await db().channel.findMany({ select: { id: true, code: true } })).map((c) => [c.code, c.id]));
  const manager = await db().user.findUnique({ where: { email: "manager@example.com" }, select: { id: true, email: true } });
  const staff: Actor = manager ? { id: manager.id, label: manager.email } : SYSTEM_ACTOR;

  // What can be ordered: active items without variants (the tee's sizes, not the tee itself).
  const products = await db().product.findMany({
    where: { active: true, variants: { none: {} } },
    select: { sku: true, price: true, currency: true },
    orderBy: { sku: "asc" },
  });
  const catalog = products.filter((p) => p.currency === "USD" && p.price > 0n);
  const priceOf = new Map(catalog.map((p) => [p.sku, p.price]));
  if (!catalog.length) throw new Error("seedDemoOrders needs the demo inventory (seedDemoInventory) first.");

  const rand = rng(20261231);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  // Customers: a pool of regulars who come back, and a stream of first-time buyers.
  const used = new Set<string>();
  const address = (name: string): OrderInput["shippingAddress"] => {
    const [city, postalCode] = pick(CITIES);
    return { name, line1: `${10 + Math.floor(rand() * 4980)} ${pick(STREETS)}`, line2: rand() < 0.2 ? `Apt ${1 + Math.floor(rand() * 40)}` : undefined, city, postalCode, country: "US" };
  };
  const newCustomer = (): Customer => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const name = `${first} ${last}`;
    const base = `${first}.${last}`.toLowerCase();
    const domain = pick(["example.com", "example.net", "example.org"]);
    let email = `${base}@${domain}`;
    for (let n = 2; used.has(email); n++) email = `${base}${n}@${domain}`;
    used.add(email);
    return { name, email, address: address(name) };
  };
  const regulars = Array.from({ length: 24 }, () => {
    const c = newCustomer();
    // Some regulars also send gifts to a second address.
    return rand() < 0.4 ? { ...c, alt: address(`${pick(FIRST)} ${c.name.split(" ")[1]}`) } : c;
  });

  const channelFor = (r: number): ChannelCode => (r < 0.45 ? "WEB" : r < 0.75 ? "AMZ" : r < 0.9 ? "STORE" : "IG");
  const paidFor = (ch: ChannelCode) => (ch === "AMZ" || ch === "STORE" ? true : ch === "WEB" ? rand() < 0.88 : rand() < 0.7);
  const linesFor = (ch: ChannelCode) => {
    const r = rand();
    const n = ch === "STORE" ? (r < 0.7 ? 1 : 2) : r < 0.5 ? 1 : r < 0.8 ? 2 : r < 0.95 ? 3 : 4;
    const skus = new Set<string>();
    while (skus.size < n) skus.add(pick(catalog).sku);
    return [...skus].map((sku) => {
      const q = rand();
      return { sku, quantity: q < 0.8 ? 1 : q < 0.95 ? 2 : 3 };
    });
  };

  // ~300 orders over 90 days, more towards the present (a growing shop), in daytime hours.
  const specs: Spec[] = [];
  const seq: Record<ChannelCode, number> = { WEB: 0, AMZ: 0, STORE: 0, IG: 0 };
  const externalId = (ch: ChannelCode, at: Date) => {
    const n = ++seq[ch];
    switch (ch) {
      case "WEB":
        return `W${100100 + n}`;
      case "AMZ":
        return `113-${String(4000000 + n * 7919).padStart(7, "0")}-${String(Math.floor(rand() * 9_000_000) + 1_000_000)}`;
      case "STORE":
        return `POS-${at.toISOString().slice(0, 10).replaceAll("-", "")}-${String(n).padStart(4, "0")}`;
      case "IG":
        return `IG-${(1_700_000 + n * 37).toString(36).toUpperCase()}`;
    }
  };
  const start = now.getTime() - 90 * DAY;
  for (let i = 0; i < 296; i++) {
    // sqrt skews towards the end of the window; the last half day stays free.
    const day = Math.min(89, Math.floor(Math.sqrt(rand()) * 90));
    const channel = channelFor(rand());
    const hour = channel === "STORE" ? 10 + rand() * 9 : 7 + rand() * 16;
    const at = new Date(Math.min(start + day * DAY + hour * 3600_000, now.getTime() - 6 * 3600_000));
    const regular = rand() < 0.3;
    const customer = regular ? pick(regulars) : newCustomer();
    specs.push({ at, channel, externalId: "", customer, useAlt: Boolean(customer.alt) && rand() < 0.35, lines: linesFor(channel), paid: paidFor(channel) });
  }
  // Wholesale orders five to six days ago, each for more than the stock of one item.
  const buyer: Customer = { name: "Harbor & Pine Outfitters", email: "purchasing@harborpine.example.com", address: { name: "Harbor & Pine Outfitters", line1: "75 Wharf St", city: "Portland", postalCode: "04101", country: "US" } };
  for (const [i, sku] of SCARCE.entries()) {
    if (!priceOf.has(sku)) continue;
    specs.push({ at: new Date(now.getTime() - (6 - i * 0.4) * DAY), channel: "WEB", externalId: "", customer: buyer, useAlt: false, lines: [{ sku, quantity: 1 }], paid: false, wholesale: { sku, extra: 30 } });
  }
  // And a few customers after them who want just those items: their orders wait.
  for (let i = 0; i < 6; i++) {
    const sku = SCARCE[i % SCARCE.length]!;
    if (!priceOf.has(sku)) continue;
    specs.push({ at: new Date(now.getTime() - (4 - i * 0.5) * DAY), channel: i % 2 ? "IG" : "WEB", externalId: "", customer: newCustomer(), useAlt: false, lines: [{ sku, quantity: 1 + (i % 2) }], paid: true });
  }
  specs.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const s of specs) s.externalId = externalId(s.channel, s.at);

  const toInput = (s: Spec, quantities: { sku: string; quantity: number }[]): OrderInput => {
    const lines = quantities.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: toDecimalString(priceOf.get(l.sku)!, "USD") }));
    const subtotal = quantities.reduce((sum, l) => sum + priceOf.get(l.sku)! * BigInt(l.quantity), 0n);
    const shippingPrice = s.channel === "WEB" ? (subtotal >= 7500n ? "0.00" : "5.95") : s.channel === "IG" ? "4.95" : undefined;
    return {
      externalId: s.externalId,
      currency: "USD",
      customer: { name: s.customer.name, email: s.customer.email },
      shippingAddress: s.useAlt && s.customer.alt ? s.customer.alt : s.customer.address,
      lines,
      ...(shippingPrice ? { shippingPrice } : {}),
      paid: s.paid,
    };
  };

  // Intake in time order, a batch of orders per transaction (each order is still its own use case).
  const created: { id: string; at: Date; wholesale: boolean }[] = [];
  const BATCH = 40;
  for (let b = 0; b < specs.length; b += BATCH) {
    const batch = specs.slice(b, b + BATCH);
    await transaction(
      async (tx) => {
        for (const s of batch) {
          let quantities = s.lines;
          if (s.wholesale) {
            // Everything that is free now, and more: the rest is backordered.
            const [row] = await tx.$queryRaw<{ free: number }[]>`
              SELECT coalesce(sum(b.on_hand - b.reserved), 0)::int AS free FROM stock_balances b JOIN products p ON p.id = b.product_id
              WHERE p.sku = ${s.wholesale.sku} AND b.internal`;
            quantities = [{ sku: s.wholesale.sku, quantity: Math.max(0, row?.free ?? 0) + s.wholesale.extra }];
          }
          const r = await createOrder(CHANNEL_ACTORS[s.channel], { channelId: channelIds.get(s.channel)!, input: toInput(s, quantities), placedAt: s.at, tx });
          created.push({ id: r.orderId, at: s.at, wholesale: Boolean(s.wholesale) });
        }
      },
      { timeoutMs: 120_000 },
    );
  }

  // Some orders are cancelled (never the wholesale ones, whose backorders the demo shows),
  // a few are put on hold.
  const pool = created.filter((o) => !o.wholesale && o.at.getTime() < now.getTime() - 2 * DAY);
  const cancel: string[] = [];
  const hold: string[] = [];
  for (const o of pool) {
    const r = rand();
    if (r < 0.07) cancel.push(o.id);
    else if (r < 0.1 && o.at.getTime() > now.getTime() - 30 * DAY) hold.push(o.id);
  }
  await transaction(
    async (tx) => {
      for (const id of cancel) await cancelOrder(staff, { orderId: id, reason: pick(CANCEL_REASONS), tx });
    },
    { timeoutMs: 120_000 },
  );
  for (const id of hold) {
    const o = await db().order.findUniqueOrThrow({ where: { id }, select: { status: true } });
    if (o.status !== "CANCELLED") await holdOrder(staff, { orderId: id, reason: pick(HOLD_REASONS) });
  }

  const groups = await db().order.groupBy({ by: ["status"], _count: { _all: true }, orderBy: { status: "asc" } });
  return {
    channels: CHANNELS.length,
    orders: created.length,
    byStatus: Object.fromEntries(groups.map((g) => [g.status, g._count._all])),
    ms: Date.now() - started,
  };
}
