import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { getFormatters } from "@/lib/i18n/format";
import { productDetail, productHistory } from "@/lib/inventory/queries";
import { incomingFor } from "@/lib/purchasing/queries";
import { NotAllowed, guardPage } from "../../../guard";
import { AdjustDialog, HoldDialog, ReleaseHoldButton, ReorderRuleForm } from "../../_components/stock-dialogs";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const d = /^[0-9a-f-]{36}$/i.test(id) ? await productDetail(id) : null;
  return { title: d ? `${d.product.sku} · ${d.product.name}` : "Product" };
}

export default async function ProductPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string; wh?: string }> }) {
  const { user, allowed } = await guardPage("inventory.view");
  const t = await getTranslations("inventory");
  const tc = await getTranslations("common");
  if (!allowed) return <NotAllowed user={user} />;
  const { id } = await params;
  const sp = await searchParams;
  const d = /^[0-9a-f-]{36}$/i.test(id) ? await productDetail(id) : null;
  if (!d) notFound();
  const page = Math.max(1, Number(sp.page) || 1);
  const wh = d.stock.warehouses.some((w) => w.code === sp.wh) ? sp.wh : undefined;
  const [history, f, incoming] = await Promise.all([productHistory(id, { page, warehouse: wh, pageSize: 25 }), getFormatters(), incomingFor(id)]);
  const incomingAt = (code: string) => incoming.find((x) => x.warehouse === code)?.incoming ?? 0;
  const tp = await getTranslations("purchasing");
  const p = d.product;
  const warehouses = d.stock.warehouses.map((w) => w.code);
  const manage = can(user.role, "inventory.manage");
  const adjust = can(user.role, "inventory.adjust") && !p.isKit;
  const pages = Math.max(1, Math.ceil(history.total / 25));
  const histHref = (n: number, w?: string) => `?${new URLSearchParams({ ...(w ? { wh: w } : {}), ...(n > 1 ? { page: String(n) } : {}) })}`;
  const rules = new Map(p.reorderRules.map((r) => [r.warehouse.code, r]));

  return (
    <>
      <PageHeader
        title={p.name}
        description={`${p.sku}${p.category ? ` · ${p.category}` : ""}`}
        actions={
          <>
            {manage && (
              <Button asChild variant="secondary">
                <Link href={`/inventory/products/${p.id}/edit`}>{t("edit")}</Link>
              </Button>
            )}
            {manage && !p.isKit && <HoldDialog sku={p.sku} warehouses={warehouses} />}
            {adjust && <AdjustDialog sku={p.sku} warehouses={warehouses} />}
          </>
        }
      />
      <div className="mb-4 flex flex-wrap gap-2">
        {!p.active && <Badge>{t("inactive")}</Badge>}
        {p.isKit && <Badge tone="info">{t("kit")}</Badge>}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("detail.stockTitle")} className="lg:col-span-2">
          <Table>
            <THead>
              <tr>
                <Th>{t("detail.warehouse")}</Th>
                <Th numeric>{t("cols.onHand")}</Th>
                <Th numeric>{t("cols.reserved")}</Th>
                <Th numeric>{t("cols.available")}</Th>
                <Th numeric>{tp("incoming")}</Th>
              </tr>
            </THead>
            <TBody>
              {d.stock.warehouses.map((w) => (
                <Tr key={w.code} data-testid={`stock-${w.code}`}>
                  <Td className="font-mono">{w.code}</Td>
                  <Td numeric>{f.number(w.onHand)}</Td>
                  <Td numeric>{f.number(w.reserved)}</Td>
                  <Td numeric className="font-medium">{f.number(w.available)}</Td>
                  <Td numeric data-testid={`incoming-${w.code}`}>{f.number(incomingAt(w.code))}</Td>
                </Tr>
              ))}
              <Tr className="bg-slate-50 font-medium">
                <Td>Σ</Td>
                <Td numeric data-testid="total-on-hand">{f.number(d.stock.onHand)}</Td>
                <Td numeric>{f.number(d.stock.reserved)}</Td>
                <Td numeric>{f.number(d.stock.available)}</Td>
                <Td numeric>{f.number(incoming.reduce((sum, x) => sum + x.incoming, 0))}</Td>
              </Tr>
            </TBody>
          </Table>
          {p.isKit && <p className="mt-3 text-sm text-slate-600">{t("detail.kitNote")}</p>}
        </Card>
        <Card title={t("detail.valuationTitle")}>
          {d.valuation && d.valuation.quantity > 0 ? (
            <dl className="space-y-2 text-sm">
              <div className="flex justify-between"><dt className="text-slate-600">{t("detail.valuedUnits")}</dt><dd className="tabular-nums">{f.number(d.valuation.quantity)}</dd></div>
              <div className="flex justify-between"><dt className="text-slate-600">{t("detail.averageCost")}</dt><dd className="tabular-nums">{f.unitCost(d.valuation.averageCost, d.valuation.currency)}</dd></div>
              <div className="flex justify-between"><dt className="text-slate-600">{t("detail.stockValue")}</dt><dd className="font-medium tabular-nums">{f.money(d.valuation.value, d.valuation.currency)}</dd></div>
            </dl>
          ) : (
            <p className="text-sm text-slate-500">{t("detail.notValued")}</p>
          )}
          <dl className="mt-4 space-y-2 border-t border-slate-100 pt-4 text-sm">
            <div className="flex justify-between"><dt className="text-slate-600">{t("detail.price")}</dt><dd className="tabular-nums">{f.money(p.price, p.currency)}</dd></div>
            {p.barcode && <div className="flex justify-between"><dt className="text-slate-600">{t("detail.barcode")}</dt><dd className="font-mono">{p.barcode}</dd></div>}
            {p.weightGrams !== null && <div className="flex justify-between"><dt className="text-slate-600">{t("detail.weight")}</dt><dd>{f.number(p.weightGrams)} g</dd></div>}
            {p.parent && (
              <div className="flex justify-between"><dt className="text-slate-600">{t("detail.variantOf")}</dt><dd><Link className="text-indigo-700 hover:underline" href={`/inventory/products/${p.parent.id}`}>{p.parent.sku}</Link></dd></div>
            )}
          </dl>
          {p.variants.length > 0 && (
            <div className="mt-4 border-t border-slate-100 pt-4 text-sm">
              <div className="mb-1 text-slate-600">{t("detail.variants")}</div>
              <ul className="space-y-1">
                {p.variants.map((v) => (
                  <li key={v.id}><Link className="font-mono text-indigo-700 hover:underline" href={`/inventory/products/${v.id}`}>{v.sku}</Link> {v.name}</li>
                ))}
              </ul>
            </div>
          )}
          {p.kitComponents.length > 0 && (
            <div className="mt-4 border-t border-slate-100 pt-4 text-sm">
              <div className="mb-1 text-slate-600">{t("detail.components")}</div>
              <ul className="space-y-1">
                {p.kitComponents.map((c) => (
                  <li key={c.componentId}>{c.quantity} × <Link className="font-mono text-indigo-700 hover:underline" href={`/inventory/products/${c.component.id}`}>{c.component.sku}</Link> {c.component.name}</li>
                ))}
              </ul>
            </div>
          )}
        </Card>
      </div>

      {!p.isKit && (
        <div className="mt-4 grid gap-4 lg:grid-cols-2">
          <Card title={t("detail.binsTitle")}>
            {d.bins.length === 0 ? (
              <EmptyState title={t("detail.noStock")} body={t("detail.noStockBody")} />
            ) : (
              <Table>
                <THead>
                  <tr>
                    <Th>{t("detail.warehouse")}</Th>
                    <Th>{t("detail.bin")}</Th>
                    <Th numeric>{t("cols.onHand")}</Th>
                    <Th numeric>{t("cols.reserved")}</Th>
                  </tr>
                </THead>
                <TBody>
                  {d.bins.map((b) => (
                    <Tr key={`${b.warehouse}-${b.bin}`}>
                      <Td className="font-mono">{b.warehouse}</Td>
                      <Td className="font-mono">{b.bin}</Td>
                      <Td numeric>{f.number(b.onHand)}</Td>
                      <Td numeric>{f.number(b.reserved)}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>
          <Card title={t("detail.reorderTitle")}>
            <p className="mb-3 text-sm text-slate-600">{t("detail.reorderHint")}</p>
            <div className="space-y-3">
              {warehouses.map((w) =>
                manage ? (
                  <ReorderRuleForm key={w} sku={p.sku} warehouse={w} reorderPoint={rules.get(w)?.reorderPoint ?? null} reorderQuantity={rules.get(w)?.reorderQuantity ?? null} orderUpTo={rules.get(w)?.orderUpTo ?? null} multiple={rules.get(w)?.multiple ?? null} />
                ) : (
                  <div key={w} className="flex justify-between text-sm">
                    <span className="font-mono">{w}</span>
                    <span className="tabular-nums">{rules.get(w) ? `${rules.get(w)!.reorderPoint} / ${rules.get(w)!.reorderQuantity ?? "—"}` : "—"}</span>
                  </div>
                ),
              )}
            </div>
          </Card>
        </div>
      )}

      {d.holds.length > 0 && (
        <Card title={t("detail.holdsTitle")} className="mt-4">
          <Table>
            <THead>
              <tr>
                <Th>{t("detail.holdOwner")}</Th>
                <Th numeric>{t("detail.quantity")}</Th>
                <Th>{t("detail.when")}</Th>
                <Th />
              </tr>
            </THead>
            <TBody>
              {d.holds.map((h) => (
                <Tr key={h.id}>
                  <Td>{h.note ?? h.ownerType}</Td>
                  <Td numeric>{f.number(h.quantity)}</Td>
                  <Td>{f.dateTime(h.createdAt)}</Td>
                  <Td className="text-right">{manage && h.ownerType === "ManualHold" && <ReleaseHoldButton holdId={h.ownerId} />}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>
      )}

      {!p.isKit && (
        <Card
          title={t("detail.historyTitle")}
          className="mt-4"
          actions={
            <nav className="flex gap-2 text-xs" aria-label={t("detail.warehouse")}>
              <Link href={histHref(1)} aria-current={!wh ? "true" : undefined} className={!wh ? "font-semibold text-indigo-700" : "text-slate-600 hover:underline"}>Σ</Link>
              {warehouses.map((w) => (
                <Link key={w} href={histHref(1, w)} aria-current={wh === w ? "true" : undefined} className={wh === w ? "font-semibold text-indigo-700" : "text-slate-600 hover:underline"}>{w}</Link>
              ))}
            </nav>
          }
        >
          {history.rows.length === 0 ? (
            <EmptyState title={t("detail.historyEmpty")} />
          ) : (
            <>
              <Table>
                <THead>
                  <tr>
                    <Th>{t("detail.when")}</Th>
                    <Th>{t("detail.type")}</Th>
                    <Th className="hidden md:table-cell">{t("detail.from")}</Th>
                    <Th className="hidden md:table-cell">{t("detail.to")}</Th>
                    <Th numeric>{t("detail.change")}</Th>
                    <Th numeric>{t("detail.balance")}</Th>
                    <Th className="hidden lg:table-cell">{t("detail.by")}</Th>
                  </tr>
                </THead>
                <TBody>
                  {history.rows.map((r) => (
                    <Tr key={r.id}>
                      <Td className="whitespace-nowrap">{f.dateTime(r.at)}</Td>
                      <Td>
                        <div>{r.type.toLowerCase()}</div>
                        {r.reason && <div className="text-xs text-slate-500">{r.reason}</div>}
                      </Td>
                      <Td className="hidden md:table-cell">{r.from}</Td>
                      <Td className="hidden md:table-cell">{r.to}</Td>
                      <Td numeric className={r.delta > 0 ? "text-emerald-700" : r.delta < 0 ? "text-red-700" : "text-slate-500"}>{r.delta > 0 ? `+${f.number(r.delta)}` : r.delta === 0 ? `±${f.number(r.quantity)}` : f.number(r.delta)}</Td>
                      <Td numeric className="font-medium">{f.number(r.balance)}</Td>
                      <Td className="hidden text-slate-600 lg:table-cell">{r.actor}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
              {pages > 1 && (
                <nav className="mt-3 flex items-center justify-between text-sm" aria-label="Pagination">
                  {page > 1 ? <Link className="text-indigo-600 hover:underline" href={histHref(page - 1, wh)}>{tc("previous")}</Link> : <span />}
                  <span className="text-slate-500">{tc("pageOf", { page, pages })}</span>
                  {page < pages ? <Link className="text-indigo-600 hover:underline" href={histHref(page + 1, wh)}>{tc("next")}</Link> : <span />}
                </nav>
              )}
            </>
          )}
        </Card>
      )}
    </>
  );
}
