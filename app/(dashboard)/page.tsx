import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { dashboardCounts } from "@/lib/accounting/queries";
import { getFormatters } from "@/lib/i18n/format";
import { checkHealth } from "@/lib/system/health";
import { inventorySummary } from "@/lib/inventory/queries";
import { getCompany } from "@/lib/settings/company";
import Link from "next/link";
import { NotAllowed, guardPage } from "./guard";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage() {
  const { user, allowed } = await guardPage("dashboard.view");
  const t = await getTranslations("dashboard");
  if (!allowed) return <NotAllowed user={user} />;
  const [health, counts, f, inv, company] = await Promise.all([checkHealth(), dashboardCounts(), getFormatters(), inventorySummary(), getCompany()]);
  const tone = { ok: "success", stale: "danger", unknown: "warning", error: "danger" } as const;
  const label = { ok: t("statusOk"), stale: t("statusStale"), unknown: t("statusUnknown"), error: t("statusError") };
  return (
    <>
      <PageHeader title={t("title")} description={t("welcome", { name: user.name })} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Card title={t("systemTitle")}>
          <dl className="space-y-2 text-sm">
            <div className="flex items-center justify-between">
              <dt className="text-slate-600">{t("database")}</dt>
              <dd><Badge tone={tone[health.db]}>{label[health.db]}</Badge></dd>
            </div>
            <div className="flex items-center justify-between">
              <dt className="text-slate-600">{t("worker")}</dt>
              <dd><Badge tone={tone[health.worker]}>{label[health.worker]}</Badge></dd>
            </div>
            <p className="text-xs text-slate-500">
              {health.workerLastSeenAt ? t("workerLastSeen", { time: f.dateTime(health.workerLastSeenAt) }) : t("workerNever")}
            </p>
          </dl>
        </Card>
        <Card title={t("booksTitle")}>
          <dl className="grid grid-cols-2 gap-4">
            <div>
              <dt className="text-xs text-slate-500">{t("journalEntries")}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-testid="count-journal">{f.number(counts.journalEntries)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("users")}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{f.number(counts.activeUsers)}</dd>
            </div>
          </dl>
        </Card>
        <Card title={t("inventoryTitle")} className="sm:col-span-2 lg:col-span-1">
          <dl className="grid grid-cols-2 gap-4">
            <div>
              <dt className="text-xs text-slate-500">{t("products")}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{f.number(inv.products)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("unitsOnHand")}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-testid="units-on-hand">{f.number(inv.unitsOnHand)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("stockValue")}</dt>
              <dd className="text-lg font-semibold tabular-nums">{f.money(inv.value, company.currency)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("lowStock")}</dt>
              <dd className="text-lg font-semibold tabular-nums">
                <Link className={inv.lowStockLines ? "text-amber-700 hover:underline" : "hover:underline"} href="/inventory/low-stock">{f.number(inv.lowStockLines)}</Link>
              </dd>
            </div>
          </dl>
        </Card>
      </div>
      <div className="mt-6">
        <EmptyState title={t("comingTitle")} body={t("comingBody")} />
      </div>
    </>
  );
}
