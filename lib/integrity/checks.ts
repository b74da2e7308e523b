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
