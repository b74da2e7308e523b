import "server-only";
import { db } from "../db";

export type Violation = { check: string; detail: string };
export type IntegrityReport = { checks: { name: string; description: string; violations: number }[]; violations: Violation[] };

type Check = { name: string; description: string; run: () => Promise<Violation[]> };

/**
 * Every invariant of the books, checked against the database. Each check is one SQL query
 * that returns the offending rows (none when all is well). Later areas add their checks here
 * (stock moves vs balances, reservations, order lines, inventory vs valuation).
 */
const CHECKS: Check[] = [
  {
    name: "journal.balanced",
    description: "Every journal entry has at least two lines and its debits equal its credits",
    run: async () => {
      const rows = await db().$queryRaw<{ number: number; debits: bigint; credits: bigint; lines: bigint }[]>`
        SELECT e.number, coalesce(sum(l.debit), 0)::bigint AS debits, coalesce(sum(l.credit), 0)::bigint AS credits, count(l.id) AS lines
        FROM journal_entries e LEFT JOIN journal_lines l ON l.entry_id = e.id
        GROUP BY e.id, e.number
        HAVING count(l.id) < 2 OR coalesce(sum(l.debit), 0) <> coalesce(sum(l.credit), 0)
        ORDER BY e.number`;
      return rows.map((r) => ({ check: "journal.balanced", detail: `entry #${r.number}: debits ${r.debits}, credits ${r.credits}, ${r.lines} line(s)` }));
    },
  },
  {
    name: "journal.lines_one_sided",
    description: "Every journal line is either a debit or a credit, never negative",
    run: async () => {
      const rows = await db().$queryRaw<{ id: bigint }[]>`
        SELECT id FROM journal_lines WHERE debit < 0 OR credit < 0 OR (debit = 0) = (credit = 0) ORDER BY id`;
      return rows.map((r) => ({ check: "journal.lines_one_sided", detail: `journal line ${r.id}` }));
    },
  },
  {
    name: "journal.single_reversal",
    description: "A reversal mirrors the entry it reverses",
    run: async () => {
      const rows = await db().$queryRaw<{ number: number }[]>`
        SELECT r.number FROM journal_entries r
        JOIN journal_entries o ON o.id = r.reverses_id
        WHERE (SELECT coalesce(sum(debit), 0) FROM journal_lines WHERE entry_id = r.id)
           <> (SELECT coalesce(sum(credit), 0) FROM journal_lines WHERE entry_id = o.id)`;
      return rows.map((r) => ({ check: "journal.single_reversal", detail: `reversal #${r.number} does not mirror its original` }));
    },
  },
  {
    name: "stock.balances_match_moves",
    description: "Every balance's on hand equals the sum of the moves into and out of its location",
    run: async () => {
      const rows = await db().$queryRaw<{ sku: string; location: string; balance: bigint; moves: bigint }[]>`
        WITH m AS (
          SELECT product_id, location_id, sum(q) AS qty FROM (
            SELECT product_id, to_location_id AS location_id, quantity AS q FROM stock_moves
            UNION ALL
            SELECT product_id, from_location_id, -quantity FROM stock_moves
          ) x GROUP BY product_id, location_id
        )
        SELECT p.sku, l.code AS location, coalesce(b.on_hand, 0)::bigint AS balance, coalesce(m.qty, 0)::bigint AS moves
        FROM m FULL OUTER JOIN stock_balances b ON b.product_id = m.product_id AND b.location_id = m.location_id
        JOIN products p ON p.id = coalesce(m.product_id, b.product_id)
        JOIN locations l ON l.id = coalesce(m.location_id, b.location_id)
        WHERE coalesce(b.on_hand, 0) <> coalesce(m.qty, 0)
        ORDER BY p.sku, l.code LIMIT 1000`;
      return rows.map((r) => ({ check: "stock.balances_match_moves", detail: `${r.sku} at ${r.location}: balance ${r.balance}, moves say ${r.moves}` }));
    },
  },
  {
    name: "stock.item_zero_sum",
    description: "For every item the quantities over all locations, virtual ones included, sum to zero",
    run: async () => {
      const rows = await db().$queryRaw<{ sku: string; total: bigint }[]>`
        SELECT p.sku, sum(b.on_hand)::bigint AS total FROM stock_balances b JOIN products p ON p.id = b.product_id
        GROUP BY p.sku HAVING sum(b.on_hand) <> 0 ORDER BY p.sku LIMIT 1000`;
      return rows.map((r) => ({ check: "stock.item_zero_sum", detail: `${r.sku}: locations sum to ${r.total}` }));
    },
  },
  {
    name: "stock.no_negative",
    description: "No negative on hand at internal locations, 0 ≤ reserved ≤ on hand, so available is never negative",
    run: async () => {
      const rows = await db().$queryRaw<{ sku: string; location: string; on_hand: number; reserved: number }[]>`
        SELECT p.sku, l.code AS location, b.on_hand, b.reserved FROM stock_balances b
        JOIN products p ON p.id = b.product_id JOIN locations l ON l.id = b.location_id
        WHERE (b.internal AND (b.on_hand < 0 OR b.reserved > b.on_hand)) OR b.reserved < 0 OR (NOT b.internal AND b.reserved <> 0)
        ORDER BY p.sku LIMIT 1000`;
      return rows.map((r) => ({ check: "stock.no_negative", detail: `${r.sku} at ${r.location}: on hand ${r.on_hand}, reserved ${r.reserved}` }));
    },
  },
  {
    name: "stock.reserved_matches_reservations",
    description: "Each balance's reserved quantity equals the sum of its active reservations",
    run: async () => {
      const rows = await db().$queryRaw<{ sku: string; location: string; reserved: bigint; reservations: bigint }[]>`
        WITH r AS (
          SELECT product_id, location_id, sum(quantity) AS qty FROM reservations WHERE status = 'ACTIVE' GROUP BY product_id, location_id
        )
        SELECT p.sku, l.code AS location, coalesce(b.reserved, 0)::bigint AS reserved, coalesce(r.qty, 0)::bigint AS reservations
        FROM r FULL OUTER JOIN (SELECT * FROM stock_balances WHERE reserved <> 0) b ON b.product_id = r.product_id AND b.location_id = r.location_id
        JOIN products p ON p.id = coalesce(r.product_id, b.product_id)
        JOIN locations l ON l.id = coalesce(r.location_id, b.location_id)
        WHERE coalesce(b.reserved, 0) <> coalesce(r.qty, 0) LIMIT 1000`;
      return rows.map((r) => ({ check: "stock.reserved_matches_reservations", detail: `${r.sku} at ${r.location}: reserved ${r.reserved}, active reservations ${r.reservations}` }));
    },
  },
  {
    name: "valuation.quantity_matches_stock",
    description: "Each item's valued quantity equals its on hand at internal locations",
    run: async () => {
      const rows = await db().$queryRaw<{ sku: string; valued: bigint; on_hand: bigint }[]>`
        WITH s AS (SELECT product_id, sum(on_hand) AS qty FROM stock_balances WHERE internal GROUP BY product_id)
        SELECT p.sku, coalesce(v.quantity, 0)::bigint AS valued, coalesce(s.qty, 0)::bigint AS on_hand
        FROM s FULL OUTER JOIN item_valuations v ON v.product_id = s.product_id
        JOIN products p ON p.id = coalesce(s.product_id, v.product_id)
        WHERE coalesce(v.quantity, 0) <> coalesce(s.qty, 0) LIMIT 1000`;
      return rows.map((r) => ({ check: "valuation.quantity_matches_stock", detail: `${r.sku}: valued ${r.valued}, on hand ${r.on_hand}` }));
    },
  },
  {
    name: "valuation.inventory_account",
    description: "The inventory account in the journal equals the stock valuation",
    run: async () => {
      const [r] = await db().$queryRaw<{ ledger: bigint; valuation: bigint }[]>`
        SELECT (SELECT coalesce(sum(l.debit - l.credit), 0) FROM journal_lines l JOIN accounts a ON a.id = l.account_id WHERE a.key = 'inventory')::bigint AS ledger,
               (SELECT coalesce(sum(value), 0) FROM item_valuations)::bigint AS valuation`;
      return r && r.ledger !== r.valuation
        ? [{ check: "valuation.inventory_account", detail: `inventory account ${r.ledger}, valuation ${r.valuation} (minor units)` }]
        : [];
    },
  },
  {
    name: "orders.line_quantities",
    description: "Each order line's allocated, backordered, shipped and cancelled add up to what was ordered",
    run: async () => {
      const rows = await db().$queryRaw<{ number: number; line_no: number }[]>`
        SELECT o.number, l.line_no FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE l.allocated + l.backordered + l.shipped + l.cancelled <> l.quantity OR l.returned > l.shipped
           OR l.allocated < 0 OR l.backordered < 0 LIMIT 1000`;
      return rows.map((r) => ({ check: "orders.line_quantities", detail: `SO-${r.number} line ${r.line_no}` }));
    },
  },
  {
    name: "orders.allocations_match_lines",
    description: "Each line's allocations by warehouse add up to its allocated quantity; cancelled orders hold nothing",
    run: async () => {
      const rows = await db().$queryRaw<{ number: number; line_no: number; allocated: number; by_warehouse: bigint; status: string }[]>`
        SELECT o.number, l.line_no, l.allocated, coalesce(sum(a.quantity), 0)::bigint AS by_warehouse, o.status::text
        FROM order_lines l JOIN orders o ON o.id = l.order_id LEFT JOIN line_allocations a ON a.line_id = l.id
        GROUP BY o.number, l.line_no, l.allocated, l.backordered, o.status
        HAVING coalesce(sum(a.quantity), 0) <> l.allocated OR (o.status = 'CANCELLED' AND (l.allocated > 0 OR l.backordered > 0)) LIMIT 1000`;
      return rows.map((r) => ({ check: "orders.allocations_match_lines", detail: `SO-${r.number} line ${r.line_no} (${r.status}): allocated ${r.allocated}, by warehouse ${r.by_warehouse}` }));
    },
  },
  {
    name: "orders.reservations_match_allocations",
    description: "The active reservations of every order line equal its allocation (kits: per component)",
    run: async () => {
      const rows = await db().$queryRaw<{ number: number; line_no: number; sku: string; warehouse: string; expected: bigint; reserved: bigint }[]>`
        WITH req AS (
          SELECT l.id AS line_id, a.warehouse_id, coalesce(k.component_id, l.product_id) AS product_id, a.quantity * coalesce(k.quantity, 1) AS qty
          FROM order_lines l JOIN line_allocations a ON a.line_id = l.id
          LEFT JOIN kit_components k ON k.kit_id = l.product_id
        ), res AS (
          SELECT r.owner_id::uuid AS line_id, l.warehouse_id, r.product_id, sum(r.quantity) AS qty
          FROM reservations r JOIN locations l ON l.id = r.location_id
          WHERE r.owner_type = 'OrderLine' AND r.status = 'ACTIVE'
          GROUP BY r.owner_id, l.warehouse_id, r.product_id
        )
        SELECT o.number, ol.line_no, p.sku, w.code AS warehouse, coalesce(req.qty, 0)::bigint AS expected, coalesce(res.qty, 0)::bigint AS reserved
        FROM req FULL OUTER JOIN res ON res.line_id = req.line_id AND res.warehouse_id = req.warehouse_id AND res.product_id = req.product_id
        JOIN order_lines ol ON ol.id = coalesce(req.line_id, res.line_id) JOIN orders o ON o.id = ol.order_id
        JOIN products p ON p.id = coalesce(req.product_id, res.product_id) JOIN warehouses w ON w.id = coalesce(req.warehouse_id, res.warehouse_id)
        WHERE coalesce(req.qty, 0) <> coalesce(res.qty, 0) LIMIT 1000`;
      return rows.map((r) => ({ check: "orders.reservations_match_allocations", detail: `SO-${r.number} line ${r.line_no} ${r.sku} at ${r.warehouse}: allocated ${r.expected}, reserved ${r.reserved}` }));
    },
  },
  {
    name: "fulfilment.packed_within_picked",
    description: "Unshipped packages hold no more of a line's item than is picked and reserved at the packing station",
    run: async () => {
      const rows = await db().$queryRaw<{ number: number; line_no: number; sku: string; packed: bigint; at_pack: bigint }[]>`
        WITH packed AS (
          SELECT i.line_id, i.product_id, pk.warehouse_id, sum(i.quantity) AS qty FROM package_items i JOIN packages pk ON pk.id = i.package_id
          WHERE pk.status <> 'SHIPPED' GROUP BY i.line_id, i.product_id, pk.warehouse_id
        ), at_pack AS (
          SELECT r.owner_id::uuid AS line_id, r.product_id, l.warehouse_id, sum(r.quantity) AS qty FROM reservations r JOIN locations l ON l.id = r.location_id
          WHERE r.owner_type = 'OrderLine' AND r.status = 'ACTIVE' AND l.kind = 'PACK' GROUP BY r.owner_id, r.product_id, l.warehouse_id
        )
        SELECT o.number, ol.line_no, p.sku, packed.qty::bigint AS packed, coalesce(at_pack.qty, 0)::bigint AS at_pack
        FROM packed LEFT JOIN at_pack ON at_pack.line_id = packed.line_id AND at_pack.product_id = packed.product_id AND at_pack.warehouse_id = packed.warehouse_id
        JOIN order_lines ol ON ol.id = packed.line_id JOIN orders o ON o.id = ol.order_id JOIN products p ON p.id = packed.product_id
        WHERE packed.qty > coalesce(at_pack.qty, 0) LIMIT 1000`;
      return rows.map((r) => ({ check: "fulfilment.packed_within_picked", detail: `SO-${r.number} line ${r.line_no} ${r.sku}: packed ${r.packed}, at packing station ${r.at_pack}` }));
    },
  },
  {
    name: "fulfilment.shipped_matches_shipments",
    description: "Each line's shipped quantity equals the units in its shipped packages, and each shipment's goods left by moves to the customer",
    run: async () => {
      const rows = await db().$queryRaw<{ number: number; line_no: number; shipped: number; in_packages: bigint }[]>`
        WITH per AS (
          SELECT i.line_id, min(i.quantity / coalesce(k.quantity, 1)) AS units, count(*) AS parts
          FROM package_items i JOIN packages pk ON pk.id = i.package_id AND pk.status = 'SHIPPED'
          JOIN order_lines ol ON ol.id = i.line_id LEFT JOIN kit_components k ON k.kit_id = ol.product_id AND k.component_id = i.product_id
          GROUP BY i.package_id, i.line_id
        ), sums AS (SELECT line_id, sum(units) AS qty FROM per GROUP BY line_id)
        SELECT o.number, ol.line_no, ol.shipped, coalesce(sums.qty, 0)::bigint AS in_packages
        FROM order_lines ol JOIN orders o ON o.id = ol.order_id LEFT JOIN sums ON sums.line_id = ol.id
        WHERE ol.shipped <> coalesce(sums.qty, 0) LIMIT 1000`;
      const moves = await db().$queryRaw<{ tracking: string; packed: bigint; moved: bigint }[]>`
        SELECT s.tracking_number AS tracking,
          (SELECT coalesce(sum(i.quantity), 0) FROM package_items i WHERE i.package_id = s.package_id)::bigint AS packed,
          (SELECT coalesce(sum(m.quantity), 0) FROM stock_moves m WHERE m.source_type = 'Shipment' AND m.source_id = s.id::text AND m.type = 'SHIPMENT')::bigint AS moved
        FROM shipments s
        WHERE (SELECT coalesce(sum(i.quantity), 0) FROM package_items i WHERE i.package_id = s.package_id)
           <> (SELECT coalesce(sum(m.quantity), 0) FROM stock_moves m WHERE m.source_type = 'Shipment' AND m.source_id = s.id::text AND m.type = 'SHIPMENT')
        LIMIT 1000`;
      return [
        ...rows.map((r) => ({ check: "fulfilment.shipped_matches_shipments", detail: `SO-${r.number} line ${r.line_no}: shipped ${r.shipped}, in shipped packages ${r.in_packages}` })),
        ...moves.map((m) => ({ check: "fulfilment.shipped_matches_shipments", detail: `Shipment ${m.tracking}: packed ${m.packed}, moved to customer ${m.moved}` })),
      ];
    },
  },
  {
    name: "fulfilment.tasks_within_bounds",
    description: "No pick task has more picked and short than its quantity; finished waves have nothing left to pick",
    run: async () => {
      const rows = await db().$queryRaw<{ number: number; left: bigint }[]>`
        SELECT w.number, sum(t.quantity - t.picked - t.short)::bigint AS left FROM pick_waves w JOIN pick_tasks t ON t.wave_id = w.id
        WHERE w.status = 'DONE' GROUP BY w.number HAVING sum(t.quantity - t.picked - t.short) <> 0 LIMIT 1000`;
      return rows.map((r) => ({ check: "fulfilment.tasks_within_bounds", detail: `W-${r.number} is done but ${r.left} units are left to pick` }));
    },
  },
  {
    name: "purchasing.receipts_match_moves",
    description: "Each purchase order line's received and damaged units equal the receipt moves from the supplier",
    run: async () => {
      const rows = await db().$queryRaw<{ number: number; sku: string; lines: bigint; moves: bigint }[]>`
        WITH l AS (
          SELECT po_id, product_id, sum(received + damaged) AS qty FROM purchase_order_lines GROUP BY po_id, product_id
        ), m AS (
          SELECT source_id::uuid AS po_id, product_id, sum(quantity) AS qty FROM stock_moves
          WHERE source_type = 'PurchaseOrder' AND type = 'RECEIPT' GROUP BY source_id, product_id
        )
        SELECT o.number, p.sku, coalesce(l.qty, 0)::bigint AS lines, coalesce(m.qty, 0)::bigint AS moves
        FROM l FULL OUTER JOIN m ON m.po_id = l.po_id AND m.product_id = l.product_id
        JOIN purchase_orders o ON o.id = coalesce(l.po_id, m.po_id) JOIN products p ON p.id = coalesce(l.product_id, m.product_id)
        WHERE coalesce(l.qty, 0) <> coalesce(m.qty, 0) LIMIT 1000`;
      return rows.map((r) => ({ check: "purchasing.receipts_match_moves", detail: `PO-${r.number} ${r.sku}: lines say ${r.lines} received, moves say ${r.moves}` }));
    },
  },
  {
    name: "alerts.one_open_alert_per_crossing",
    description: "An item is marked below its reorder point only with an alert raised for that crossing",
    run: async () => {
      const rows = await db().$queryRaw<{ sku: string; warehouse: string }[]>`
        SELECT p.sku, w.code AS warehouse FROM low_stock_states s JOIN products p ON p.id = s.product_id JOIN warehouses w ON w.id = s.warehouse_id
        WHERE s.below AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.product_id = s.product_id AND a.warehouse_id = s.warehouse_id AND a.created_at >= s.changed_at - interval '1 second')
        LIMIT 1000`;
      return rows.map((r) => ({ check: "alerts.one_open_alert_per_crossing", detail: `${r.sku} at ${r.warehouse} is below its reorder point without an alert` }));
    },
  },
  {
    name: "stock.snapshots_match_moves",
    description: "The latest month-start stock snapshot of each warehouse equals the sum of the moves up to it",
    run: async () => {
      const rows = await db().$queryRaw<{ warehouse: string; as_of: Date; sku: string; snapshot: bigint; moves: bigint }[]>`
        WITH pt AS (SELECT warehouse_id, max(as_of) AS as_of FROM stock_snapshot_points GROUP BY warehouse_id),
        mv AS (
          SELECT pt.warehouse_id, m.product_id, sum(CASE WHEN lt.warehouse_id = pt.warehouse_id AND lt.internal THEN m.quantity ELSE 0 END)
            - sum(CASE WHEN lf.warehouse_id = pt.warehouse_id AND lf.internal THEN m.quantity ELSE 0 END) AS qty
          FROM pt JOIN stock_moves m ON m.created_at <= pt.as_of
          JOIN locations lt ON lt.id = m.to_location_id JOIN locations lf ON lf.id = m.from_location_id
          WHERE lt.warehouse_id = pt.warehouse_id OR lf.warehouse_id = pt.warehouse_id
          GROUP BY pt.warehouse_id, m.product_id
        ), sn AS (
          SELECT s.warehouse_id, s.product_id, s.on_hand AS qty FROM stock_snapshots s JOIN pt ON pt.warehouse_id = s.warehouse_id AND pt.as_of = s.as_of
        )
        SELECT w.code AS warehouse, pt.as_of, p.sku, coalesce(sn.qty, 0)::bigint AS snapshot, coalesce(mv.qty, 0)::bigint AS moves
        FROM mv FULL OUTER JOIN sn ON sn.warehouse_id = mv.warehouse_id AND sn.product_id = mv.product_id
        JOIN pt ON pt.warehouse_id = coalesce(mv.warehouse_id, sn.warehouse_id)
        JOIN warehouses w ON w.id = pt.warehouse_id JOIN products p ON p.id = coalesce(mv.product_id, sn.product_id)
        WHERE coalesce(sn.qty, 0) <> coalesce(mv.qty, 0) LIMIT 1000`;
      return rows.map((r) => ({ check: "stock.snapshots_match_moves", detail: `${r.sku} at ${r.warehouse} on ${r.as_of.toISOString()}: snapshot ${r.snapshot}, moves say ${r.moves}` }));
    },
  },
];

export async function runIntegrityChecks(): Promise<IntegrityReport> {
  const checks: IntegrityReport["checks"] = [];
  const violations: Violation[] = [];
  for (const c of CHECKS) {
    const v = await c.run();
    checks.push({ name: c.name, description: c.description, violations: v.length });
    violations.push(...v);
  }
  return { checks, violations };
}
