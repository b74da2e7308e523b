import "server-only";
import { db, transaction } from "../db";
import { SYSTEM_ACTOR, type Actor } from "../audit/service";
import { adjustStock } from "../inventory/adjustments";
import { createLocation, createWarehouse } from "../inventory/locations";
import { createProduct, setKitComponents } from "../inventory/products";
import { holdStock } from "../inventory/holds";
import { recordMove } from "../inventory/ledger";
import { setReorderRule } from "../inventory/reorder";
import type { AdjustmentInput } from "../inventory/schema";

/** A small deterministic PRNG so every demo database looks the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const CATALOG: [string, string, string, string, string][] = [
  // sku, name, category, price, cost
  ["TEE-CLASSIC", "Classic cotton tee", "Apparel", "24.00", "7.50"],
  ["HOOD-ZIP", "Zip hoodie", "Apparel", "59.00", "21.00"],
  ["CAP-WOOL", "Wool cap", "Apparel", "22.00", "6.80"],
  ["SOCK-3PK", "Everyday socks, 3 pack", "Apparel", "14.00", "3.90"],
  ["JKT-RAIN", "Packable rain jacket", "Apparel", "119.00", "44.00"],
  ["MUG-STONE", "Stoneware mug", "Kitchen", "16.00", "4.20"],
  ["BOTTLE-750", "Insulated bottle 750 ml", "Kitchen", "32.00", "11.40"],
  ["KNIFE-CHEF", "Chef's knife 20 cm", "Kitchen", "89.00", "31.00"],
  ["BOARD-OAK", "Oak cutting board", "Kitchen", "45.00", "15.50"],
  ["PAN-CAST", "Cast-iron pan 26 cm", "Kitchen", "64.00", "23.00"],
  ["KETTLE-GOOSE", "Gooseneck kettle", "Kitchen", "72.00", "27.50"],
  ["CANDLE-CEDAR", "Cedar candle", "Home", "28.00", "6.10"],
  ["THROW-WOOL", "Wool throw blanket", "Home", "98.00", "38.00"],
  ["LAMP-DESK", "Desk lamp", "Home", "79.00", "29.00"],
  ["VASE-GLASS", "Glass vase", "Home", "36.00", "9.80"],
  ["PILLOW-LIN", "Linen pillow cover", "Home", "29.00", "8.40"],
  ["RUG-JUTE", "Jute rug 120×180", "Home", "149.00", "58.00"],
  ["CLOCK-WALL", "Wall clock", "Home", "54.00", "19.00"],
  ["EARBUD-PRO", "Wireless earbuds", "Electronics", "129.00", "52.00"],
  ["CABLE-USBC", "USB-C cable 2 m", "Electronics", "19.00", "3.20"],
  ["CHARGER-65", "65 W charger", "Electronics", "49.00", "17.80"],
  ["SPEAKER-MINI", "Mini speaker", "Electronics", "69.00", "24.50"],
  ["POWERBANK-10", "Power bank 10 000 mAh", "Electronics", "39.00", "13.10"],
  ["STAND-LAPTOP", "Aluminium laptop stand", "Electronics", "59.00", "18.90"],
  ["TENT-2P", "Two-person tent", "Outdoor", "249.00", "102.00"],
  ["BAG-SLEEP", "Sleeping bag", "Outdoor", "139.00", "55.00"],
  ["LAMP-HEAD", "Head lamp", "Outdoor", "34.00", "11.00"],
  ["STOVE-CAMP", "Camping stove", "Outdoor", "64.00", "24.00"],
  ["PACK-30L", "Day pack 30 l", "Outdoor", "89.00", "32.00"],
  ["POLE-TREK", "Trekking poles (pair)", "Outdoor", "74.00", "26.00"],
  ["NOTE-A5", "A5 notebook", "Stationery", "12.00", "2.60"],
  ["PEN-BRASS", "Brass pen", "Stationery", "38.00", "12.20"],
  ["PLANNER-26", "2026 planner", "Stationery", "26.00", "7.30"],
  ["CARD-SET", "Greeting card set", "Stationery", "15.00", "3.10"],
  ["SOAP-OLIVE", "Olive oil soap", "Care", "9.00", "1.90"],
  ["BALM-LIP", "Lip balm", "Care", "6.00", "1.10"],
];

const VARIANTS = ["S", "M", "L"];

async function bins(actor: Actor, warehouse: string, zones: string[], originX: number) {
  for (const [zi, zone] of zones.entries()) {
    await createLocation(actor, { warehouse, kind: "ZONE", code: zone, name: `Zone ${zone}`, x: undefined, y: undefined, parentCode: undefined, barcode: undefined });
    for (let aisle = 1; aisle <= 4; aisle++) {
      const aisleCode = `${zone}-${String(aisle).padStart(2, "0")}`;
      await createLocation(actor, { warehouse, kind: "AISLE", code: aisleCode, parentCode: zone, name: `Aisle ${aisleCode}`, x: undefined, y: undefined, barcode: undefined });
      const shelfCode = `${aisleCode}-S`;
      await createLocation(actor, { warehouse, kind: "SHELF", code: shelfCode, parentCode: aisleCode, name: `Shelving ${aisleCode}`, x: undefined, y: undefined, barcode: undefined });
      for (let bay = 1; bay <= 5; bay++) {
        const code = `${aisleCode}-${String(bay).padStart(2, "0")}`;
        await createLocation(actor, { warehouse, kind: "BIN", code, parentCode: shelfCode, name: `Bin ${code}`, x: originX + zi * 16 + aisle * 3, y: bay * 2, barcode: undefined });
      }
    }
  }
}

/** Two warehouses with bins, about forty products with 90 days of stock history, reorder rules and holds. */
export async function seedDemoInventory(now = new Date()): Promise<void> {
  const actor = SYSTEM_ACTOR;
  const manager = await db().user.findUnique({ where: { email: "manager@example.com" } });
  const staff: Actor = manager ? { id: manager.id, label: manager.email } : actor;
  await createWarehouse(actor, { code: "MAIN", name: "Main warehouse", addressLine1: "1 Dock Road", city: "Springfield", postalCode: "62701", country: "US" });
  await createWarehouse(actor, { code: "EAST", name: "East coast DC", addressLine1: "400 Harbor Ave", city: "Newark", postalCode: "07105", country: "US" });
  // CONTRACT §3: the manager gets immediate low-stock alerts of every warehouse.
  if (manager)
    for (const w of await db().warehouse.findMany({ select: { id: true } }))
      await db().alertSubscription.upsert({ where: { userId_warehouseId: { userId: manager.id, warehouseId: w.id } }, create: { userId: manager.id, warehouseId: w.id, mode: "IMMEDIATE" }, update: {} });
  await bins(actor, "MAIN", ["A", "B"], 0);
  await bins(actor, "EAST", ["A"], 0);

  let barcode = 4006381333900;
  for (const [sku, name, category, price, cost] of CATALOG) {
    await createProduct(actor, { sku, name, category, price, cost, barcode: String(barcode++), description: `${name} — demo catalogue item.`, weightGrams: 100 + (sku.length * 37) % 900, lengthMm: undefined, widthMm: undefined, heightMm: undefined, parentSku: undefined });
  }
  for (const size of VARIANTS) {
    await createProduct(actor, { sku: `TEE-CLASSIC-${size}`, name: `Classic cotton tee, size ${size}`, category: "Apparel", price: "24.00", cost: "7.50", barcode: String(barcode++), parentSku: "TEE-CLASSIC", description: undefined, weightGrams: 180, lengthMm: undefined, widthMm: undefined, heightMm: undefined });
  }
  await createProduct(actor, { sku: "KIT-COFFEE", name: "Coffee gift set (mug + kettle)", category: "Kitchen", price: "79.00", barcode: String(barcode++), cost: undefined, description: "Bundle: one stoneware mug and one gooseneck kettle.", weightGrams: undefined, lengthMm: undefined, widthMm: undefined, heightMm: undefined, parentSku: undefined });
  await setKitComponents(actor, { kitSku: "KIT-COFFEE", components: [{ sku: "MUG-STONE", quantity: 1 }, { sku: "KETTLE-GOOSE", quantity: 1 }] });

  // 90 days of history: opening stock, then counts, finds, damage and theft, and transfers.
  const rand = rng(20261204);
  const day = 24 * 60 * 60 * 1000;
  const start = now.getTime() - 90 * day;
  const stocked = [...CATALOG.map((c) => c[0]).filter((s) => s !== "TEE-CLASSIC"), ...VARIANTS.map((v) => `TEE-CLASSIC-${v}`)];
  const mainBins = await db().location.findMany({ where: { warehouse: { code: "MAIN" }, kind: "BIN", isDefault: false }, orderBy: { code: "asc" } });
  const eastBins = await db().location.findMany({ where: { warehouse: { code: "EAST" }, kind: "BIN", isDefault: false }, orderBy: { code: "asc" } });
  const { currency } = { currency: "USD" };
  for (const [i, sku] of stocked.entries()) {
    const cost = CATALOG.find((c) => c[0] === sku)?.[4] ?? "7.50";
    const mainBin = mainBins[i % mainBins.length]!;
    const eastBin = eastBins[(i * 7) % eastBins.length]!;
    const events: { at: Date; input: AdjustmentInput }[] = [
      { at: new Date(start + rand() * day), input: { sku, warehouse: "MAIN", quantity: 20 + Math.floor(rand() * 120), reason: "initial", unitCost: cost, bin: mainBin.code } },
      { at: new Date(start + rand() * 2 * day), input: { sku, warehouse: "EAST", quantity: 10 + Math.floor(rand() * 60), reason: "initial", unitCost: cost, bin: eastBin.code } },
    ];
    for (let d = 5; d < 88; d += 4 + Math.floor(rand() * 10)) {
      const r = rand();
      const wh = rand() < 0.65 ? "MAIN" : "EAST";
      const bin = wh === "MAIN" ? mainBin.code : eastBin.code;
      const at = new Date(start + d * day + rand() * day);
      if (r < 0.35) events.push({ at, input: { sku, warehouse: wh, quantity: 5 + Math.floor(rand() * 40), reason: "found", note: "restock from overflow", unitCost: cost, bin } });
      else if (r < 0.6) events.push({ at, input: { sku, warehouse: wh, quantity: -(1 + Math.floor(rand() * 4)), reason: "damage", bin } });
      else if (r < 0.7) events.push({ at, input: { sku, warehouse: wh, quantity: -1, reason: "theft", bin } });
      else events.push({ at, input: { sku, warehouse: wh, quantity: rand() < 0.5 ? -(1 + Math.floor(rand() * 3)) : 1 + Math.floor(rand() * 3), reason: "count", note: "cycle count", bin } });
    }
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    await transaction(
      async (tx) => {
        for (const e of events) {
          try {
            await adjustStock(staff, e.input, { tx, at: e.at });
          } catch {
            /* a removal larger than the stock at that moment is simply skipped */
          }
        }
        // One transfer between bins in MAIN, to show internal moves in the history.
        const product = await tx.product.findUniqueOrThrow({ where: { sku } });
        const bal = await tx.stockBalance.findUnique({ where: { productId_locationId: { productId: product.id, locationId: mainBin.id } } });
        if (bal && bal.onHand > 4) {
          const to = mainBins[(i + 11) % mainBins.length]!;
          await recordMove(tx, staff, { productId: product.id, quantity: 2, fromLocationId: mainBin.id, toLocationId: to.id, type: "TRANSFER", reason: "re-slotting", sourceType: "Transfer", sourceId: `seed-${sku}`, currency, at: new Date(now.getTime() - 3 * day) });
        }
      },
      { timeoutMs: 60_000 },
    );
  }

  // Reorder points: some items sit below them, so the low-stock list has work to show.
  for (const [i, sku] of stocked.slice(0, 16).entries()) {
    const [entry] = await db().$queryRaw<{ avail: number }[]>`
      SELECT coalesce(sum(b.on_hand - b.reserved), 0)::int AS avail FROM stock_balances b JOIN products p ON p.id = b.product_id JOIN warehouses w ON w.id = b.warehouse_id
      WHERE p.sku = ${sku} AND w.code = 'MAIN' AND b.internal`;
    const avail = entry?.avail ?? 0;
    await setReorderRule(actor, { sku, warehouse: "MAIN", reorderPoint: i % 3 === 0 ? avail + 10 : Math.max(5, Math.floor(avail / 3)), reorderQuantity: 50 });
  }
  await holdStock(staff, { sku: "LAMP-DESK", warehouse: "MAIN", quantity: 2, note: "Showroom display" });
  await holdStock(staff, { sku: "EARBUD-PRO", warehouse: "EAST", quantity: 1, note: "Customer pick-up Friday" });
}
