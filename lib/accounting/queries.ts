import "server-only";
import { db } from "../db";

export type AccountRow = { key: string; code: string; name: string; type: string; debit: bigint; credit: bigint; balance: bigint };

/** Balances in the company currency; debit-normal for assets and expenses, credit-normal otherwise. */
export async function listAccountBalances(): Promise<AccountRow[]> {
  const rows = await db().$queryRaw<{ key: string; code: string; name: string; type: string; debit: bigint; credit: bigint }[]>`
    SELECT a.key, a.code, a.name, a.type::text AS type,
           coalesce(sum(l.debit), 0)::bigint AS debit, coalesce(sum(l.credit), 0)::bigint AS credit
    FROM accounts a LEFT JOIN journal_lines l ON l.account_id = a.id
    GROUP BY a.id ORDER BY a.code`;
  return rows.map((r) => ({ ...r, balance: r.type === "ASSET" || r.type === "EXPENSE" ? r.debit - r.credit : r.credit - r.debit }));
}

export type JournalRow = {
  id: string;
  number: number;
  postedAt: string;
  memo: string;
  currency: string;
  source: string;
  isReversal: boolean;
  lines: { account: string; code: string; debit: bigint; credit: bigint }[];
};

export const JOURNAL_PAGE_SIZE = 25;

export async function listJournal(page = 1): Promise<{ rows: JournalRow[]; total: number }> {
  const [entries, total] = await Promise.all([
    db().journalEntry.findMany({
      orderBy: { number: "desc" },
      skip: (Math.max(1, page) - 1) * JOURNAL_PAGE_SIZE,
      take: JOURNAL_PAGE_SIZE,
      include: { lines: { include: { account: { select: { name: true, code: true } } }, orderBy: { id: "asc" } } },
    }),
    db().journalEntry.count(),
  ]);
  return {
    total,
    rows: entries.map((e) => ({
      id: e.id,
      number: e.number,
      postedAt: e.postedAt.toISOString(),
      memo: e.memo,
      currency: e.currency,
      source: `${e.sourceType} · ${e.kind}`,
      isReversal: Boolean(e.reversesId),
      lines: e.lines.map((l) => ({ account: l.account.name, code: l.account.code, debit: l.debit, credit: l.credit })),
    })),
  };
}

export async function dashboardCounts(): Promise<{ journalEntries: number; activeUsers: number }> {
  const [journalEntries, activeUsers] = await Promise.all([db().journalEntry.count(), db().user.count({ where: { active: true } })]);
  return { journalEntries, activeUsers };
}
