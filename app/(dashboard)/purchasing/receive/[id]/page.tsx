import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { purchaseOrderDetail } from "@/lib/purchasing/queries";
import { NotAllowed, guardPage } from "../../../guard";
import { ReceiveScreen } from "../../_components/receive-screen";

export async function generateMetadata() {
  return { title: (await getTranslations("purchasing.tabs"))("orders") };
}

export default async function ReceivePage({ params }: { params: Promise<{ id: string }> }) {
  const { user, allowed } = await guardPage("warehouse.operate");
  if (!allowed) return <NotAllowed user={user} />;
  const d = await purchaseOrderDetail((await params).id);
  if (!d) notFound();
  return (
    <ReceiveScreen
      po={{ id: d.po.id, number: d.po.number, status: d.po.status }}
      warehouse={d.warehouse.code}
      lines={d.lines.map((l) => ({ sku: l.sku, barcode: l.barcode, name: l.name, quantity: l.quantity, received: l.received, damaged: l.damaged, open: l.open }))}
      canAllowOver={user.role === "ADMIN" || user.role === "MANAGER"}
    />
  );
}
