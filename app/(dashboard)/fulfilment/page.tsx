import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { db } from "@/lib/db";
import { getFormatters } from "@/lib/i18n/format";
import { listWaves, packQueue, waitingByWarehouse } from "@/lib/fulfilment/queries";
import { NotAllowed, guardPage } from "../guard";
import { CreateWaveForm } from "./_components/create-wave-form";
import { Progress } from "./_components/progress";

export async function generateMetadata() {
  return { title: (await getTranslations("fulfilment"))("title") };
}

export default async function FulfilmentPage() {
  const { user, allowed } = await guardPage("warehouse.view");
  const t = await getTranslations("fulfilment");
  const ts = await getTranslations("orders.status");
  if (!allowed) return <NotAllowed user={user} />;
  const [waiting, waves, queue, channels, f] = await Promise.all([
    waitingByWarehouse(),
    listWaves({ limit: 50 }),
    packQueue(),
    db().channel.findMany({ where: { active: true }, select: { code: true, name: true }, orderBy: { code: "asc" } }),
    getFormatters(),
  ]);
  const operate = can(user.role, "warehouse.operate");
  const pct = (route: number, naive: number) => (naive > 0 ? Math.max(0, Math.round((1 - route / naive) * 100)) : 0);

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("waiting.title")} className="lg:col-span-1">
          <ul className="divide-y divide-slate-100" data-testid="waiting">
            {waiting.map((w) => (
              <li key={w.code} className="flex items-baseline justify-between gap-3 py-2">
                <span className="min-w-0 truncate">
                  <span className="font-mono text-xs font-medium">{w.code}</span> <span className="text-sm text-slate-600">{w.name}</span>
                </span>
                <span className="shrink-0 text-sm tabular-nums text-slate-700" data-testid={`waiting-${w.code}`}>
                  {t("waiting.summary", { orders: w.orders, units: w.units })}
                </span>
              </li>
            ))}
          </ul>
          {waiting.every((w) => w.orders === 0) && <p className="mt-2 text-sm text-slate-500">{t("waiting.none")}</p>}
        </Card>
        {operate && (
          <Card title={t("create.title")} className="lg:col-span-2">
            <CreateWaveForm warehouses={waiting.map((w) => ({ code: w.code, name: w.name, orders: w.orders }))} channels={channels} />
          </Card>
        )}
      </div>

      <h2 className="mt-8 mb-3 text-base font-semibold text-slate-900">{t("waves.title")}</h2>
      {waves.length === 0 ? (
        <EmptyState title={t("waves.title")} body={t("waves.empty")} />
      ) : (
        <Table data-testid="waves">
          <THead>
            <tr>
              <Th>{t("waves.cols.wave")}</Th>
              <Th>{t("waves.cols.warehouse")}</Th>
              <Th numeric>{t("waves.cols.orders")}</Th>
              <Th className="min-w-[9rem]">{t("waves.cols.progress")}</Th>
              <Th>{t("waves.cols.route")}</Th>
              <Th>{t("waves.cols.status")}</Th>
              <Th>{t("waves.cols.created")}</Th>
            </tr>
          </THead>
          <TBody>
            {waves.map((w) => (
              <Tr key={w.number} data-testid={`wave-row-${w.number}`}>
                <Td className="whitespace-nowrap">
                  <Link className="font-medium text-indigo-700 hover:underline" href={`/fulfilment/waves/${w.number}`}>
                    W-{w.number}
                  </Link>{" "}
                  <span className="text-xs text-slate-500">{t(`waves.kind.${w.kind === "single" ? "single" : "batch"}`)}</span>
                </Td>
                <Td className="font-mono text-xs">{w.warehouse}</Td>
                <Td numeric>{f.number(w.orders)}</Td>
                <Td>
                  <Progress value={w.done} max={w.units} label={`${f.number(w.done)} / ${f.number(w.units)}`} />
                </Td>
                <Td className="whitespace-nowrap text-sm">
                  {t("waves.route", { route: f.number(Math.round(w.routeLength)) })}
                  <span className="block text-xs text-slate-500">
                    {t("waves.naive", { naive: f.number(Math.round(w.naiveLength)) })} · {t("waves.saving", { pct: pct(w.routeLength, w.naiveLength) })}
                  </span>
                </Td>
                <Td>
                  <Badge tone={w.status === "OPEN" ? "info" : w.status === "DONE" ? "success" : "neutral"}>{t(`waves.status.${w.status as "OPEN"}`)}</Badge>
                </Td>
                <Td className="whitespace-nowrap text-slate-600">{f.dateTime(w.createdAt)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}

      <h2 className="mt-8 mb-3 text-base font-semibold text-slate-900">{t("pack.title")}</h2>
      {queue.length === 0 ? (
        <EmptyState title={t("pack.title")} body={t("pack.empty")} />
      ) : (
        <Table data-testid="pack-queue">
          <THead>
            <tr>
              <Th>{t("pack.cols.order")}</Th>
              <Th>{t("pack.cols.customer")}</Th>
              <Th>{t("pack.cols.warehouse")}</Th>
              <Th numeric>{t("pack.cols.packed")}</Th>
              <Th numeric>{t("pack.cols.toShip")}</Th>
              <Th>{t("pack.cols.status")}</Th>
              <Th />
            </tr>
          </THead>
          <TBody>
            {queue.map((q) => (
              <Tr key={`${q.orderId}-${q.warehouse}`}>
                <Td className="whitespace-nowrap font-medium">SO-{q.number}</Td>
                <Td className="min-w-[8rem]">{q.customer}</Td>
                <Td className="font-mono text-xs">{q.warehouse}</Td>
                <Td numeric>
                  {f.number(q.packed)} / {f.number(q.picked)}
                </Td>
                <Td numeric>{f.number(q.toShip)}</Td>
                <Td className="whitespace-nowrap">{ts(q.status as "PICKING")}</Td>
                <Td>
                  <Link className="font-medium text-indigo-700 hover:underline" href={`/fulfilment/pack/${q.orderId}?warehouse=${encodeURIComponent(q.warehouse)}`}>
                    {t("pack.open")}
                  </Link>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
