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
