import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { listPurchaseOrders } from "@/lib/purchasing/queries";
import { NotAllowed, guardPage } from "../../guard";
import { PurchasingTabs } from "../_components/tabs";

export async function generateMetadata() {
  return { title: (await getTranslations("purchasing.tabs"))("receive") };
}

/** Start receiving: scan the PO barcode (PO-123) or type its number, or pick an open order. */
export default async function ReceiveIndexPage({ searchParams }: { searchParams: Promise<{ po?: string }> }) {
  const { user, allowed } = await guardPage("warehouse.operate");
  const t = await getTranslations("purchasing");
  if (!allowed) return <NotAllowed user={user} />;
  const q = ((await searchParams).po ?? "").trim();
  let error: string | null = null;
  if (q) {
    const n = Number(q.replace(/^PO-?/i, ""));
    const po = Number.isInteger(n) && n > 0 ? await db().purchaseOrder.findUnique({ where: { number: n }, select: { id: true, status: true } }) : null;
    if (po && ["SENT", "PARTIALLY_RECEIVED"].includes(po.status)) redirect(`/purchasing/receive/${po.id}`);
    error = po ? t("receiveIndex.notOpen", { po: q, status: t(`status.${po.status}`) }) : t("receiveIndex.unknown", { po: q });
  }
  const open = [...(await listPurchaseOrders({ status: "SENT" })), ...(await listPurchaseOrders({ status: "PARTIALLY_RECEIVED" }))].sort((a, b) => a.number - b.number);
  return (
    <>
      <PageHeader title={t("tabs.receive")} description={t("receiveIndex.intro")} />
      <PurchasingTabs current="receive" />
      <div className="mx-auto max-w-md space-y-4">
        <form method="get" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" autoComplete="off">
          <label htmlFor="po-scan" className="mb-1 block text-sm font-medium">
            {t("receiveIndex.scan")}
          </label>
          <div className="flex gap-2">
            <Input id="po-scan" name="po" defaultValue={q} autoFocus className="h-12 font-mono text-lg" autoCapitalize="characters" enterKeyHint="go" data-testid="po-scan" />
            <Button type="submit" size="lg">
              {t("receiveIndex.go")}
            </Button>
          </div>
          {error && (
            <p role="alert" className="mt-2 rounded-md bg-red-50 p-2 text-sm font-medium text-red-800" data-testid="po-scan-error">
              {error}
            </p>
          )}
        </form>
        <ul className="divide-y divide-slate-100 rounded-xl bg-white px-4 shadow-sm ring-1 ring-slate-200">
          {open.length === 0 && <li className="py-3 text-sm text-slate-500">{t("receiveIndex.none")}</li>}
          {open.map((o) => (
            <li key={o.id} className="flex items-baseline justify-between gap-3 py-2.5 text-sm">
              <Link className="font-medium text-indigo-700 hover:underline" href={`/purchasing/receive/${o.id}`}>
                PO-{o.number}
              </Link>
              <span className="min-w-0 flex-1 truncate text-slate-600">{o.supplierName}</span>
              <span className="shrink-0 font-mono text-xs">{o.warehouse}</span>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
