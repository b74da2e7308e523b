import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { AUDIT_PAGE_SIZE, listAuditLog } from "@/lib/audit/queries";
import { getFormatters } from "@/lib/i18n/format";
import { NotAllowed, guardPage } from "../../guard";

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("title") };
}

type SP = { q?: string; type?: string; actor?: string; from?: string; to?: string; page?: string };

function parseDay(s?: string, plusDay = false): Date | undefined {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return undefined;
  if (plusDay) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-400">—</span>;
  return <pre className="max-w-md overflow-x-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap text-slate-700">{JSON.stringify(value, null, 1)}</pre>;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SP> }) {
  const { user, allowed } = await guardPage("audit.view");
  const t = await getTranslations();
  if (!allowed) return <NotAllowed user={user} />;
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const [data, f] = await Promise.all([
    listAuditLog({ q: sp.q?.trim() || undefined, entityType: sp.type || undefined, actor: sp.actor?.trim() || undefined, from: parseDay(sp.from), to: parseDay(sp.to, true), page }),
    getFormatters(),
  ]);
  const pages = Math.max(1, Math.ceil(data.total / AUDIT_PAGE_SIZE));
  const qs = (p: number) => {
    const u = new URLSearchParams(Object.entries(sp).filter(([k, v]) => k !== "page" && v) as [string, string][]);
    u.set("page", String(p));
    return `?${u}`;
  };
  return (
    <>
      <PageHeader title={t("audit.title")} description={t("common.results", { count: data.total })} />
      <form method="get" className="mb-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6">
        <Input name="q" defaultValue={sp.q} placeholder={t("audit.search")} aria-label={t("audit.search")} className="lg:col-span-2" />
        <Input name="actor" defaultValue={sp.actor} placeholder={t("audit.actor")} aria-label={t("audit.actor")} />
        <Select name="type" defaultValue={sp.type ?? ""} aria-label={t("audit.entityType")}>
          <option value="">{t("audit.allTypes")}</option>
          {data.entityTypes.map((et) => (
            <option key={et} value={et}>
              {et}
            </option>
          ))}
        </Select>
        <Input type="date" name="from" defaultValue={sp.from} aria-label={t("audit.from")} />
        <Input type="date" name="to" defaultValue={sp.to} aria-label={t("audit.to")} />
        <div className="flex gap-2 lg:col-span-6">
          <Button type="submit">{t("common.filter")}</Button>
          <Button asChild variant="secondary">
            <Link href="/settings/audit">{t("common.clear")}</Link>
          </Button>
        </div>
      </form>
      {data.rows.length === 0 ? (
        <EmptyState title={t("audit.empty")} body={t("audit.emptyBody")} />
      ) : (
        <>
          <Table>
            <THead>
              <tr>
                <Th>{t("audit.when")}</Th>
                <Th>{t("audit.who")}</Th>
                <Th>{t("audit.action")}</Th>
                <Th>{t("audit.entity")}</Th>
                <Th>{t("audit.changes")}</Th>
              </tr>
            </THead>
            <TBody>
              {data.rows.map((r) => (
                <Tr key={r.id}>
                  <Td className="whitespace-nowrap">{f.dateTime(r.at)}</Td>
                  <Td>{r.actor}</Td>
                  <Td className="font-mono text-xs">{r.action}</Td>
                  <Td>
                    <div>{r.entityType}</div>
                    <div className="font-mono text-xs text-slate-500">{r.entityId}</div>
                  </Td>
                  <Td>
                    <details>
                      <summary className="cursor-pointer text-sm text-indigo-600">{t("audit.show")}</summary>
                      <div className="mt-2 grid gap-2 sm:grid-cols-2">
                        <div>
                          <div className="text-xs text-slate-500">{t("audit.before")}</div>
                          <Json value={r.before} />
                        </div>
                        <div>
                          <div className="text-xs text-slate-500">{t("audit.after")}</div>
                          <Json value={r.after} />
                        </div>
                      </div>
                    </details>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {pages > 1 && (
            <nav className="mt-3 flex items-center justify-between text-sm" aria-label="Pagination">
              {page > 1 ? <Link className="text-indigo-600 hover:underline" href={qs(page - 1)}>{t("common.previous")}</Link> : <span />}
              <span className="text-slate-500">{t("common.pageOf", { page, pages })}</span>
              {page < pages ? <Link className="text-indigo-600 hover:underline" href={qs(page + 1)}>{t("common.next")}</Link> : <span />}
            </nav>
          )}
        </>
      )}
    </>
  );
}
