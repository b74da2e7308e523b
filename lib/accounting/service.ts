import "server-only";
import type { Tx } from "../db";
import { AppError, issuesFromZod } from "../errors";
import { recordAudit, type Actor } from "../audit/service";
import { CHART_OF_ACCOUNTS } from "./chart";
import { postJournalEntryInput, type PostJournalEntryInput } from "./schema";

export type PostedEntry = { id: string; number: number; created: boolean };

/** Account ids by key; accounts are never deleted or re-keyed, so one process may remember them. */
const accountIdCache = new Map<string, string>();
async function accountIds(tx: Tx, keys: string[]): Promise<Map<string, string>> {
  const missing = keys.filter((k) => !accountIdCache.has(k));
  if (missing.length) {
    const rows = await tx.account.findMany({ where: { key: { in: missing } }, select: { id: true, key: true } });
    for (const r of rows) accountIdCache.set(r.key, r.id);
  }
  return new Map(keys.filter((k) => accountIdCache.has(k)).map((k) => [k, accountIdCache.get(k)!]));
}

/** Creates the chart of accounts where missing (idempotent; run at every start). */
export async function ensureChartOfAccounts(tx: Tx): Promise<void> {
  for (const a of CHART_OF_ACCOUNTS) {
    await tx.account.upsert({ where: { key: a.key }, create: { ...a }, update: {} });
  }
}

/**
 * Posts a balanced journal entry inside the caller's transaction. The source document and
 * kind form a unique key: posting the same one again returns the first entry and writes
 * nothing. Unbalanced or one-sided entries are refused here and, again, by the database.
 */
export async function postJournalEntry(tx: Tx, actor: Actor, input: PostJournalEntryInput, reversesId?: string): Promise<PostedEntry> {
  const parsed = postJournalEntryInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "The journal entry is invalid.", { issues: issuesFromZod(parsed.error) });
  const e = parsed.data;
  const debits = e.lines.reduce((s, l) => s + l.debit, 0n);
  const credits = e.lines.reduce((s, l) => s + l.credit, 0n);
  if (debits !== credits)
    throw new AppError("UNBALANCED_ENTRY", `The entry does not balance: debits ${debits} ≠ credits ${credits} (minor units).`);

  const idOf = await accountIds(tx, e.lines.map((l) => l.account));
  for (const l of e.lines) if (!idOf.has(l.account)) throw new AppError("NOT_FOUND", `Account ${l.account} does not exist.`);

  // INSERT … ON CONFLICT DO NOTHING keeps the transaction usable when the entry exists.
  const inserted = await tx.$queryRaw<{ id: string; number: number }[]>`
    INSERT INTO journal_entries (id, memo, currency, source_type, source_id, kind, posted_at, created_by_id, reverses_id)
    VALUES (gen_random_uuid(), ${e.memo}, ${e.currency}, ${e.sourceType}, ${e.sourceId}, ${e.kind},
            ${e.postedAt ?? new Date()}, ${actor.id}::uuid, ${reversesId ?? null}::uuid)
    ON CONFLICT (source_type, source_id, kind) DO NOTHING
    RETURNING id::text, number`;
  if (inserted.length === 0) {
    const existing = await tx.journalEntry.findUniqueOrThrow({
      where: { sourceType_sourceId_kind: { sourceType: e.sourceType, sourceId: e.sourceId, kind: e.kind } },
      select: { id: true, number: true },
    });
    return { ...existing, created: false };
  }
  const entry = inserted[0]!;
  await tx.journalLine.createMany({
    data: e.lines.map((l) => ({ entryId: entry.id, accountId: idOf.get(l.account)!, debit: l.debit, credit: l.credit, memo: l.memo })),
  });
  await recordAudit(tx, {
    actor,
    action: "journal.post",
    entityType: "JournalEntry",
    entityId: entry.id,
    after: { number: entry.number, memo: e.memo, source: `${e.sourceType}:${e.sourceId}:${e.kind}`, lines: e.lines },
  });
  return { id: entry.id, number: entry.number, created: true };
}

/** Corrects a posted entry by a new entry with debits and credits swapped; an entry is reversed at most once. */
export async function reverseJournalEntry(tx: Tx, actor: Actor, opts: { entryId: string; reason: string }): Promise<PostedEntry> {
  const original = await tx.journalEntry.findUnique({
    where: { id: opts.entryId },
    include: { lines: { include: { account: { select: { key: true } } } }, reversedBy: { select: { id: true } } },
  });
  if (!original) throw new AppError("NOT_FOUND", "Journal entry not found.");
  if (original.reversesId) throw new AppError("CONFLICT", "A reversal cannot itself be reversed; post a new entry.");
  if (original.reversedBy) throw new AppError("CONFLICT", `Entry #${original.number} is already reversed.`);
  const posted = await postJournalEntry(tx, actor, {
    sourceType: "JournalEntry",
    sourceId: original.id,
    kind: "reversal",
    memo: `Reversal of #${original.number}: ${opts.reason}`,
    currency: original.currency,
    lines: original.lines.map((l) => ({ account: l.account.key, debit: l.credit, credit: l.debit, memo: l.memo ?? undefined })),
  }, original.id);
  return posted;
}
