import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { JOURNAL_PAGE_SIZE, listAccountBalances, listJournal } from "@/lib/accounting/queries";
import { getFormatters } from "@/lib/i18n/format";
import { NotAllowed, guardPage } from "../guard";

export async function generateMetadata() {
  return { title: (await getTranslations("accounting"))("title") };
}

export default async function AccountingPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { user, allowed } = await guardPage("accounting.view");
  const t = await getTranslations();
  if (!allowed) return <NotAllowed user={user} />;
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const [accounts, journal, f] = await Promise.all([listAccountBalances(), listJournal(page), getFormatters()]);
  const currency = "USD";
  const pages = Math.max(1, Math.ceil(journal.total / JOURNAL_PAGE_SIZE));
  return (
    <>
      <PageHeader title={t("accounting.title")} />
      <div className="grid gap-6 xl:grid-cols-5">
        <div className="xl:col-span-2">
          <Card title={t("accounting.chartTitle")}>
            <Table>
              <THead>
                <tr>
                  <Th>{t("accounting.code")}</Th>
                  <Th>{t("accounting.account")}</Th>
                  <Th numeric>{t("accounting.balance")}</Th>
                </tr>
              </THead>
              <TBody>
                {accounts.map((a) => (
                  <Tr key={a.key}>
                    <Td className="tabular-nums text-slate-500">{a.code}</Td>
                    <Td>
                      <div>{a.name}</div>
                      <div className="text-xs text-slate-500">{t(`accounting.types.${a.type}`)}</div>
                    </Td>
                    <Td numeric>{f.money(a.balance, currency)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </Card>
        </div>
        <div className="xl:col-span-3">
          <Card title={t("accounting.journalTitle")}>
            {journal.rows.length === 0 ? (
              <EmptyState title={t("accounting.emptyJournal")} body={t("accounting.emptyJournalBody")} />
            ) : (
              <div className="space-y-3">
                <Table>
                  <THead>
                    <tr>
                      <Th>{t("accounting.number")}</Th>
                      <Th>{t("accounting.memo")}</Th>
                      <Th>{t("accounting.account")}</Th>
                      <Th numeric>{t("accounting.debit")}</Th>
                      <Th numeric>{t("accounting.credit")}</Th>
                    </tr>
                  </THead>
                  <TBody>
                    {journal.rows.map((e) =>
                      e.lines.map((l, i) => (
                        <Tr key={`${e.id}-${i}`} className={i === 0 ? "border-t-2 border-slate-200" : ""}>
                          {i === 0 && (
                            <>
                              <Td rowSpan={e.lines.length} className="tabular-nums">#{e.number}</Td>
                              <Td rowSpan={e.lines.length}>
                                <div>{e.memo}</div>
                                <div className="text-xs text-slate-500">
                                  {f.dateTime(e.postedAt)} · {e.source} {e.isReversal && <Badge tone="warning">{t("accounting.reversal")}</Badge>}
                                </div>
                              </Td>
                            </>
                          )}
                          <Td>
                            <span className="text-slate-500 tabular-nums">{l.code}</span> {l.account}
                          </Td>
                          <Td numeric>{l.debit ? f.money(l.debit, e.currency) : ""}</Td>
                          <Td numeric>{l.credit ? f.money(l.credit, e.currency) : ""}</Td>
                        </Tr>
                      )),
                    )}
                  </TBody>
                </Table>
                {pages > 1 && (
                  <nav className="flex items-center justify-between text-sm" aria-label="Pagination">
                    {page > 1 ? <Link className="text-indigo-600 hover:underline" href={`?page=${page - 1}`}>{t("common.previous")}</Link> : <span />}
                    <span className="text-slate-500">{t("common.pageOf", { page, pages })}</span>
                    {page < pages ? <Link className="text-indigo-600 hover:underline" href={`?page=${page + 1}`}>{t("common.next")}</Link> : <span />}
                  </nav>
                )}
              </div>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
