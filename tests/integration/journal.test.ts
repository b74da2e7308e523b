import { describe, expect, it } from "vitest";
import pg from "pg";
import { db, transaction } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { postJournalEntry, reverseJournalEntry } from "@/lib/accounting/service";
import { runIntegrityChecks } from "@/lib/integrity/checks";

const sale = (id: string) => ({
  sourceType: "Test",
  sourceId: id,
  kind: "sale",
  memo: "Test sale",
  currency: "USD",
  lines: [
    { account: "accounts_receivable", debit: 1200n },
    { account: "sales_revenue", credit: 1000n },
    { account: "sales_tax_payable", credit: 200n },
  ],
});

async function raw<T = unknown>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: env().DATABASE_URL });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

describe("postJournalEntry", () => {
  it("posts a balanced entry with its lines and an audit record", async () => {
    const e = await transaction((tx) => postJournalEntry(tx, SYSTEM_ACTOR, sale("s1")));
    expect(e.created).toBe(true);
    const lines = await db().journalLine.findMany({ where: { entryId: e.id } });
    expect(lines).toHaveLength(3);
    expect(lines.reduce((s, l) => s + l.debit - l.credit, 0n)).toBe(0n);
    expect(await db().auditLog.count({ where: { entityType: "JournalEntry", entityId: e.id, action: "journal.post" } })).toBe(1);
  });

  it("refuses an unbalanced entry and writes nothing", async () => {
    const before = await db().journalEntry.count();
    const bad = { ...sale("s2"), lines: [{ account: "cash" as const, debit: 1000n }, { account: "sales_revenue" as const, credit: 999n }] };
    const err = await transaction((tx) => postJournalEntry(tx, SYSTEM_ACTOR, bad)).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("UNBALANCED_ENTRY");
    expect(await db().journalEntry.count()).toBe(before);
  });

  it("refuses a line that is both debit and credit, or a single-line entry", async () => {
    const both = { ...sale("s3"), lines: [{ account: "cash" as const, debit: 5n, credit: 5n }, { account: "sales_revenue" as const, credit: 0n, debit: 0n }] };
    await expect(transaction((tx) => postJournalEntry(tx, SYSTEM_ACTOR, both))).rejects.toMatchObject({ code: "VALIDATION" });
    const single = { ...sale("s4"), lines: [{ account: "cash" as const, debit: 5n }] };
    await expect(transaction((tx) => postJournalEntry(tx, SYSTEM_ACTOR, single))).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("posts a source document once: the second posting returns the first entry", async () => {
    const a = await transaction((tx) => postJournalEntry(tx, SYSTEM_ACTOR, sale("dup")));
    const b = await transaction((tx) => postJournalEntry(tx, SYSTEM_ACTOR, sale("dup")));
    expect(b.created).toBe(false);
    expect(b.id).toBe(a.id);
    expect(await db().journalEntry.count({ where: { sourceType: "Test", sourceId: "dup" } })).toBe(1);
  });

  it("posts once when the same document is posted concurrently", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => transaction((tx) => postJournalEntry(tx, SYSTEM_ACTOR, sale("race")))));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db().journalLine.count({ where: { entryId: results[0]!.id } })).toBe(3);
  });

  it("has the database refuse unbalanced, updated or deleted entries even without the service", async () => {
    const e = await transaction((tx) => postJournalEntry(tx, SYSTEM_ACTOR, sale("guarded")));
    await expect(raw("UPDATE journal_lines SET debit = debit + 1 WHERE entry_id = $1 AND debit > 0", [e.id])).rejects.toThrow(/append-only/);
    await expect(raw("DELETE FROM journal_entries WHERE id = $1", [e.id])).rejects.toThrow(/append-only/);
    await expect(raw("UPDATE journal_entries SET memo = 'x' WHERE id = $1", [e.id])).rejects.toThrow(/append-only/);
    const acc = await db().account.findUniqueOrThrow({ where: { key: "cash" } });
    await expect(
      raw(
        `WITH e AS (INSERT INTO journal_entries (id, memo, currency, source_type, source_id, kind) VALUES (gen_random_uuid(), 'bad', 'USD', 'Raw', 'x', 'k') RETURNING id)
         INSERT INTO journal_lines (entry_id, account_id, debit, credit) SELECT id, $1::uuid, 100, 0 FROM e`,
        [acc.id],
      ),
    ).rejects.toThrow(/unbalanced/);
    expect(await db().journalEntry.count({ where: { sourceType: "Raw" } })).toBe(0);
  });

  it("corrects by reversal, once", async () => {
    const e = await transaction((tx) => postJournalEntry(tx, SYSTEM_ACTOR, sale("rev")));
    const r = await transaction((tx) => reverseJournalEntry(tx, SYSTEM_ACTOR, { entryId: e.id, reason: "wrong customer" }));
    const lines = await db().journalLine.findMany({ where: { entryId: r.id }, include: { account: true } });
    expect(lines.find((l) => l.account.key === "accounts_receivable")?.credit).toBe(1200n);
    const entry = await db().journalEntry.findUniqueOrThrow({ where: { id: r.id } });
    expect(entry.reversesId).toBe(e.id);
    await expect(transaction((tx) => reverseJournalEntry(tx, SYSTEM_ACTOR, { entryId: e.id, reason: "again" }))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(transaction((tx) => reverseJournalEntry(tx, SYSTEM_ACTOR, { entryId: r.id, reason: "x" }))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("integrity reports an entry corrupted behind the guards' back", async () => {
    const e = await transaction((tx) => postJournalEntry(tx, SYSTEM_ACTOR, sale("corrupt")));
    expect((await runIntegrityChecks()).violations).toHaveLength(0);
    // Simulate corruption by a superuser who bypasses the triggers.
    const c = new pg.Client({ connectionString: env().DATABASE_URL });
    await c.connect();
    await c.query("BEGIN");
    await c.query("SET LOCAL session_replication_role = replica");
    await c.query("UPDATE journal_lines SET credit = credit + 7 WHERE id = (SELECT min(id) FROM journal_lines WHERE entry_id = $1 AND credit > 0)", [e.id]);
    await c.query("COMMIT");
    await c.end();
    const report = await runIntegrityChecks();
    expect(report.violations.map((v) => v.check)).toContain("journal.balanced");
    expect(report.violations.find((v) => v.check === "journal.balanced")?.detail).toMatch(/debits 1200, credits 1207/);
  });
});
