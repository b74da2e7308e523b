import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { waveDetail } from "@/lib/fulfilment/queries";
import { NotAllowed, guardPage } from "../../../guard";
import { PickScreen } from "../../_components/pick-screen";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  return { title: (await getTranslations("fulfilment"))("pick.title", { number: Number(number) || 0 }) };
}

/** Scan-to-pick, built for a 390 px phone with a keyboard-wedge scanner. */
export default async function PickPage({ params }: { params: Promise<{ number: string }> }) {
  const { user, allowed } = await guardPage("warehouse.operate");
  if (!allowed) return <NotAllowed user={user} />;
  const n = Number((await params).number);
  const d = Number.isInteger(n) && n > 0 ? await waveDetail(n) : null;
  if (!d) notFound();
  return (
    <PickScreen
      wave={{ number: d.wave.number, status: d.wave.status, warehouse: d.warehouse.code }}
      tasks={d.tasks.map((x) => ({ id: x.id, seq: x.seq, bin: x.bin, sku: x.sku, name: x.name, order: x.order, quantity: x.quantity, picked: x.picked, short: x.short }))}
    />
  );
}
