import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { getFormatters } from "@/lib/i18n/format";
import { waveDetail } from "@/lib/fulfilment/queries";
import { NotAllowed, guardPage } from "../../../guard";
import { Progress } from "../../_components/progress";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  return { title: `W-${Number(number) || ""}` };
}

export default async function WavePage({ params }: { params: Promise<{ number: string }> }) {
  const { user, allowed } = await guardPage("warehouse.view");
  const t = await getTranslations("fulfilment");
  if (!allowed) return <NotAllowed user={user} />;
  const n = Number((await params).number);
  const d = Number.isInteger(n) && n > 0 ? await waveDetail(n) : null;
  if (!d) notFound();
  const f = await getFormatters();
  const units = d.tasks.reduce((s, x) => s + x.quantity, 0);
  const done = d.tasks.reduce((s, x) => s + x.picked + x.short, 0);
  const orders = new Set(d.tasks.map((x) => x.order)).size;
  return (
    <>
      <Link href="/fulfilment" className="mb-2 inline-block text-sm text-indigo-700 hover:underline">
        ← {t("wave.back")}
      </Link>
      <PageHeader
        title={t("wave.title", { number: d.wave.number })}
        description={t("wave.summary", { warehouse: d.warehouse.code, orders, route: f.number(Math.round(d.wave.routeLength)), naive: f.number(Math.round(d.wave.naiveLength)) })}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="secondary">
              <a href={`/fulfilment/documents/pick-list?wave=${d.wave.number}`} target="_blank" rel="noopener">
                {t("wave.printPickList")}
              </a>
            </Button>
            {d.wave.status === "OPEN" && can(user.role, "warehouse.operate") && (
              <Button asChild>
                <Link href={`/fulfilment/pick/${d.wave.number}`}>{t("wave.start")}</Link>
              </Button>
            )}
          </div>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <Badge tone={d.wave.status === "OPEN" ? "info" : "success"}>{t(`waves.status.${d.wave.status}`)}</Badge>
        <div className="w-64 max-w-full">
          <Progress value={done} max={units} label={t("pick.progress", { done: f.number(done), total: f.number(units) })} />
        </div>
      </div>
      <Table data-testid="wave-tasks">
        <THead>
          <tr>
            <Th numeric>{t("wave.cols.stop")}</Th>
            <Th>{t("wave.cols.bin")}</Th>
            <Th>{t("wave.cols.sku")}</Th>
            <Th>{t("wave.cols.product")}</Th>
            <Th>{t("wave.cols.order")}</Th>
            <Th numeric>{t("wave.cols.qty")}</Th>
            <Th numeric>{t("wave.cols.picked")}</Th>
            <Th numeric>{t("wave.cols.short")}</Th>
          </tr>
        </THead>
        <TBody>
          {d.tasks.map((x) => (
            <Tr key={x.id} className={x.picked + x.short >= x.quantity ? "text-slate-400" : undefined}>
              <Td numeric>{f.number(x.seq)}</Td>
              <Td className="font-mono text-xs font-medium whitespace-nowrap">{x.bin}</Td>
              <Td className="font-mono text-xs whitespace-nowrap">{x.sku}</Td>
              <Td className="min-w-[10rem]">{x.name}</Td>
              <Td className="whitespace-nowrap">
                <Link className="text-indigo-700 hover:underline" href={`/orders/${x.orderId}`}>
                  SO-{x.order}
                </Link>
              </Td>
              <Td numeric>{f.number(x.quantity)}</Td>
              <Td numeric>{f.number(x.picked)}</Td>
              <Td numeric className={x.short ? "font-medium text-red-700" : undefined}>
                {f.number(x.short)}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </>
  );
}
