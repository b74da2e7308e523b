import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { can } from "@/lib/authz";
import { CARRIERS } from "@/lib/fulfilment/carriers";
import { packStation } from "@/lib/fulfilment/queries";
import { BOX_TYPES } from "@/lib/fulfilment/schema";
import { getFormatters } from "@/lib/i18n/format";
import { NotAllowed, guardPage } from "../../../guard";
import { PackStation } from "../../_components/pack-station";

export async function generateMetadata() {
  return { title: (await getTranslations("fulfilment"))("pack.title") };
}

/** The packing station for one order at one warehouse: scan items into packages, close, ship, print. */
export default async function PackPage({ params, searchParams }: { params: Promise<{ orderId: string }>; searchParams: Promise<{ warehouse?: string }> }) {
  const { user, allowed } = await guardPage("warehouse.view");
  const t = await getTranslations("fulfilment");
  if (!allowed) return <NotAllowed user={user} />;
  const { orderId } = await params;
  const { warehouse } = await searchParams;
  const d = warehouse ? await packStation(orderId, warehouse) : null;
  if (!d) notFound();
  const f = await getFormatters();
  return (
    <>
      <Link href="/fulfilment" className="mb-2 inline-block text-sm text-indigo-700 hover:underline">
        ← {t("wave.back")}
      </Link>
      <PackStation
        canOperate={can(user.role, "warehouse.operate")}
        order={{ id: d.order.id, number: d.order.number, status: d.order.status }}
        header={t("station.sub", { name: d.order.shipName, city: d.order.shipCity, country: d.order.shipCountry, warehouse: d.warehouse.code })}
        warehouse={d.warehouse.code}
        lines={d.lines}
        openTasks={d.openTasks}
        packages={d.packages.map((p) => ({
          ...p,
          shipment: p.shipment
            ? {
                id: p.shipment.id,
                text: t("station.shippedOn", { date: f.dateTime(p.shipment.shippedAt), carrier: p.shipment.carrier, service: p.shipment.service, tracking: p.shipment.trackingNumber }),
                delivered: p.shipment.deliveredAt ? t("station.deliveredOn", { date: f.dateTime(p.shipment.deliveredAt) }) : null,
              }
            : null,
        }))}
        boxTypes={[...BOX_TYPES]}
        carriers={CARRIERS.map((c) => ({ code: c.code, name: c.name, services: [...c.services], manualTracking: c.manualTracking }))}
      />
    </>
  );
}
