import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { getFormatters } from "@/lib/i18n/format";
import { orderDetail } from "@/lib/orders/list-queries";
import { packagesOfOrder, packQueue, unwavedWarehouses } from "@/lib/fulfilment/queries";
import { PickNowButton } from "../../fulfilment/_components/pick-now-button";
import { ALLOCATABLE, canTransition } from "@/lib/orders/state";
import { NotAllowed, guardPage } from "../../guard";
import { CancelLineButton, OrderActions, type AllowedOrderActions } from "../_components/order-actions";
import { StatusBadge } from "../_components/status-badge";

/** One read per request, shared by the metadata and the page. */
const load = cache(orderDetail);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const d = await load(id);
  return { title: d ? d.order.number : (await getTranslations("orders"))("title") };
}

const paymentTone = { PAID: "success", UNPAID: "warning", REFUNDED: "neutral" } as const;

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, allowed } = await guardPage("orders.view");
  const t = await getTranslations("orders");
  if (!allowed) return <NotAllowed user={user} />;
  const { id } = await params;
  const [d, f] = await Promise.all([load(id), getFormatters()]);
  if (!d) notFound();
  const tf = await getTranslations("fulfilment.order");
  const tf2 = await getTranslations("fulfilment.station");
  const [packages, queue] = await Promise.all([packagesOfOrder(d.order.id), packQueue(d.order.id)]);
  const packHere = queue.filter((q) => q.orderId === d.order.id).map((q) => q.warehouse);
  const pickable = can(user.role, "warehouse.operate") ? await unwavedWarehouses(d.order.id) : [];
  const o = d.order;
  const money = (x: bigint) => f.money(x, o.currency);
  const statusLabel = (s: (typeof o)["status"]) => t(`status.${s}`);

  // What may be done now: the role's permission, then the state machine (the server checks both again).
  const manage = can(user.role, "orders.manage");
  const shipped = d.lines.some((l) => l.shipped > 0);
  const actions: AllowedOrderActions = {
    hold: manage && o.status !== "ON_HOLD" && canTransition(o.status, "ON_HOLD"),
    release: manage && o.status === "ON_HOLD",
    cancel: manage && !shipped && canTransition(o.status, "CANCELLED"),
    reallocate: manage && ALLOCATABLE.includes(o.status),
  };
  const lineCancellable = manage && (ALLOCATABLE.includes(o.status) || ["ON_HOLD", "PICKING", "PACKED", "PARTIALLY_SHIPPED"].includes(o.status));
  const rate = new Intl.NumberFormat(f.locale, { style: "percent", maximumFractionDigits: 4 }).format(o.taxRate as unknown as number);
  const c = d.customer;

  return (
    <>
      <PageHeader
        title={o.number}
        description={`${o.channel.name} (${o.channel.code}) · ${t("detail.placedAt", { time: f.dateTime(o.placedAt) })}`}
        actions={<OrderActions orderId={o.id} number={o.number} allowed={actions} />}
      />
      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge status={o.status} label={statusLabel(o.status)} testId="order-status" />
        <Badge tone={paymentTone[o.paymentStatus]}>
          <span data-testid="payment-status">{t(`payment.${o.paymentStatus}`)}</span>
        </Badge>
        <span className="text-slate-600">
          {t("detail.externalId")}: <span className="font-mono" data-testid="external-id">{o.externalId}</span>
        </span>
        <span className="text-slate-600">
          {t("detail.channel")}: <span className="font-mono">{o.channel.code}</span> · {t(`channelType.${o.channel.type.toLowerCase()}`)}
        </span>
      </div>
      {o.status === "ON_HOLD" && o.holdReason && (
        <p className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800" role="status">{t("detail.onHold", { reason: o.holdReason })}</p>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("detail.linesTitle")} className="lg:col-span-2">
          <Table>
            <THead>
              <tr>
                <Th>{t("detail.sku")}</Th>
                <Th className="hidden md:table-cell">{t("detail.name")}</Th>
                <Th numeric>{t("detail.ordered")}</Th>
                <Th numeric>{t("detail.allocated")}</Th>
                <Th numeric>{t("detail.backordered")}</Th>
                <Th numeric>{t("detail.shipped")}</Th>
                <Th numeric>{t("detail.cancelled")}</Th>
                <Th numeric className="hidden sm:table-cell">{t("detail.unitPrice")}</Th>
                <Th numeric>{t("detail.lineTotal")}</Th>
                {lineCancellable && <Th><span className="sr-only">{t("actions.cancelLine")}</span></Th>}
              </tr>
            </THead>
            <TBody>
              {d.lines.map((l) => {
                const open = l.allocated + l.backordered;
                return (
                  <Tr key={l.id} data-testid={`line-${l.sku}`}>
                    <Td className="font-mono text-xs whitespace-nowrap">
                      <Link className="text-indigo-700 hover:underline" href={`/inventory/products/${l.productId}`}>{l.sku}</Link>
                      <div className="font-sans text-slate-500 md:hidden">{l.name}</div>
                    </Td>
                    <Td className="hidden md:table-cell">{l.name}</Td>
                    <Td numeric>{f.number(l.quantity)}</Td>
                    <Td numeric data-testid="line-allocated">{f.number(l.allocated)}</Td>
                    <Td numeric className={l.backordered > 0 ? "font-medium text-amber-700" : undefined} data-testid="line-backordered">{f.number(l.backordered)}</Td>
                    <Td numeric>{f.number(l.shipped)}</Td>
                    <Td numeric>{f.number(l.cancelled)}</Td>
                    <Td numeric className="hidden whitespace-nowrap sm:table-cell">{money(l.unitPrice)}</Td>
                    <Td numeric className="whitespace-nowrap">{money(l.lineTotal)}</Td>
                    {lineCancellable && (
                      <Td className="text-right">{open > 0 && <CancelLineButton orderId={o.id} lineId={l.id} lineNo={l.lineNo} sku={l.sku} open={open} />}</Td>
                    )}
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        </Card>

        <Card title={t("detail.totalsTitle")}>
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between"><dt className="text-slate-600">{t("detail.subtotal")}</dt><dd className="tabular-nums">{money(o.subtotal)}</dd></div>
            <div className="flex justify-between"><dt className="text-slate-600">{t("detail.shipping")}</dt><dd className="tabular-nums">{money(o.shippingPrice)}</dd></div>
            <div className="flex justify-between">
              <dt className="text-slate-600">{o.pricesIncludeTax ? t("detail.taxIncluded", { rate }) : t("detail.taxAdded", { rate })}</dt>
              <dd className="tabular-nums">{money(o.tax)}</dd>
            </div>
            <div className="flex justify-between border-t border-slate-100 pt-2 font-semibold">
              <dt>{t("detail.total")}</dt>
              <dd className="tabular-nums" data-testid="order-total">{money(o.total)}</dd>
            </div>
          </dl>
        </Card>
      </div>

      <div className="mt-4 grid gap-4 lg:grid-cols-3">
        <Card title={t("detail.allocationsTitle")}>
          {d.allocations.length === 0 ? (
            <p className="text-sm text-slate-500">{t("detail.noAllocations")}</p>
          ) : (
            <ul className="space-y-3 text-sm">
              {d.allocations.map((a) => (
                <li key={a.warehouse} data-testid={`allocation-${a.warehouse}`}>
                  <div className="flex items-center justify-between">
                    <span className="font-mono font-semibold">{a.warehouse}</span>
                    <span className="text-slate-600">{t("detail.units", { count: a.units })}</span>
                  </div>
                  <ul className="mt-1 space-y-0.5 text-slate-700">
                    {a.lines.map((l) => (
                      <li key={l.sku} className="flex justify-between gap-2">
                        <span className="truncate"><span className="font-mono text-xs">{l.sku}</span> {l.name}</span>
                        <span className="tabular-nums">{f.number(l.quantity)}</span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("detail.whyTitle")} className="lg:col-span-2">
          {d.decisions.length === 0 ? (
            <p className="text-sm text-slate-500">{t("detail.noDecisions")}</p>
          ) : (
            <ol className="space-y-5">
              {d.decisions.map((dec) => (
                <li key={dec.id} data-testid="allocation-decision" className="text-sm">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium">{t("detail.decisionFor", { lineNo: dec.lineNo, sku: dec.sku })}</span>
                    <span className="text-xs text-slate-500">{t("detail.decisionMeta", { time: f.dateTime(dec.at), actor: dec.actor })}</span>
                  </div>
                  <p className="mt-1 text-slate-700" data-testid="allocation-reason">{dec.ruleText}</p>
                  {dec.candidates.length > 0 && (
                    <div className="mt-2">
                      <Table>
                        <THead>
                          <tr>
                            <Th>{t("detail.warehouse")}</Th>
                            <Th numeric>{t("detail.priority")}</Th>
                            <Th numeric>{t("detail.availableThen")}</Th>
                          </tr>
                        </THead>
                        <TBody>
                          {dec.candidates.map((cand) => {
                            const chosen = dec.result.some((r) => r.warehouse === cand.warehouse);
                            return (
                              <Tr key={cand.warehouse} className={chosen ? "bg-emerald-50/60" : undefined}>
                                <Td className="font-mono">{cand.warehouse}{chosen && " ✓"}</Td>
                                <Td numeric>{f.number(cand.priority)}</Td>
                                <Td numeric>{f.number(cand.available)}</Td>
                              </Tr>
                            );
                          })}
                        </TBody>
                      </Table>
                    </div>
                  )}
                  <p className="mt-2 text-slate-700" data-testid="allocation-result">
                    <span className="text-slate-500">{t("detail.result")}: </span>
                    {dec.result.length ? dec.result.map((r) => `${r.warehouse} × ${f.number(r.quantity)}`).join(", ") : t("detail.resultNone")}
                    {dec.backordered > 0 && <> · <span className="text-amber-700">{t("detail.resultBackordered", { count: f.number(dec.backordered) })}</span></>}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>

      <div className="mt-4 grid gap-4 lg:grid-cols-3">
        <Card title={t("detail.customerTitle")}>
          <div className="text-sm">
            <Link className="font-medium text-indigo-700 hover:underline" href={`/customers/${c.id}`} data-testid="customer-name">{c.name}</Link>
            <br />
            <a className="text-indigo-700 hover:underline" href={`mailto:${c.email}`}>{c.email}</a>
          </div>
          <div className="mt-4 border-t border-slate-100 pt-4 text-sm">
            <div className="mb-1 text-slate-600">{t("detail.shipTo")}</div>
            <address className="not-italic" data-testid="ship-to">
              {o.shipTo.name}<br />
              {o.shipTo.line1}<br />
              {o.shipTo.line2 && <>{o.shipTo.line2}<br /></>}
              {o.shipTo.postalCode} {o.shipTo.city}<br />
              {o.shipTo.country}
            </address>
          </div>
          <div className="mt-4 border-t border-slate-100 pt-4 text-sm">
            <div className="mb-1 text-slate-600">{t("detail.otherOrders")}</div>
            {c.otherOrders.length === 0 ? (
              <p className="text-slate-500">{t("detail.noOtherOrders")}</p>
            ) : (
              <>
                <ul className="space-y-1">
                  {c.otherOrders.map((x) => (
                    <li key={x.id} className="flex flex-wrap items-center justify-between gap-2">
                      <Link className="font-mono text-xs text-indigo-700 hover:underline" href={`/orders/${x.id}`}>{x.number}</Link>
                      <span className="text-xs text-slate-500">{f.date(x.placedAt)}</span>
                      <StatusBadge status={x.status} label={statusLabel(x.status)} />
                      <span className="tabular-nums">{f.money(x.total, x.currency)}</span>
                    </li>
                  ))}
                </ul>
                <Link className="mt-2 inline-block text-indigo-700 hover:underline" href={`/orders?${new URLSearchParams({ q: c.email })}`}>
                  {t("detail.allOtherOrders", { count: c.otherOrdersCount + 1 })}
                </Link>
              </>
            )}
          </div>
        </Card>

        <Card title={tf("title")} className="lg:col-span-2">
          {packages.length === 0 && packHere.length === 0 && pickable.length === 0 ? (
            <p className="text-sm text-slate-500">{tf("none")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="order-packages">
              {packages.map((p) => (
                <li key={p.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
                  <span className="font-medium">PKG-{p.number}</span>
                  <span className="font-mono text-xs text-slate-500">{p.warehouse}</span>
                  <span className="text-slate-600">{p.items.map((i) => `${i.quantity} × ${i.sku}`).join(", ")}</span>
                  {p.shipment ? (
                    <span className="text-slate-700">
                      {p.shipment.carrier} {p.shipment.service} · <span className="font-mono">{p.shipment.trackingNumber}</span>
                      {p.shipment.deliveredAt ? ` · ${tf2("delivered")}` : ""}
                    </span>
                  ) : (
                    <Badge tone="info">{tf2(`status.${p.status as "PACKED"}`)}</Badge>
                  )}
                </li>
              ))}
            </ul>
          )}
          {pickable.length > 0 && (
            <div className="mt-3 flex flex-wrap gap-3">
              {pickable.map((w) => (
                <PickNowButton key={w} orderId={o.id} warehouse={w} label={tf("pickNow", { warehouse: w })} />
              ))}
            </div>
          )}
          {packHere.length > 0 && (
            <div className="mt-3 flex flex-wrap gap-3">
              {packHere.map((w) => (
                <Link key={w} className="text-sm font-medium text-indigo-700 hover:underline" href={`/fulfilment/pack/${o.id}?warehouse=${encodeURIComponent(w)}`}>
                  {tf("pack", { warehouse: w })}
                </Link>
              ))}
            </div>
          )}
        </Card>
        <Card title={t("detail.timelineTitle")} className="lg:col-span-2">
          {d.events.length === 0 ? (
            <p className="text-sm text-slate-500">{t("detail.noEvents")}</p>
          ) : (
            <ol className="space-y-3 text-sm" data-testid="timeline">
              {d.events.map((e) => (
                <li key={e.id} className="border-l-2 border-slate-200 pl-3" data-testid="timeline-entry">
                  <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-500">
                    <time dateTime={e.at.toISOString()}>{f.dateTime(e.at)}</time>
                    <span>· {e.actor}</span>
                    {e.to && (
                      <span className="text-slate-700">
                        · {e.from ? `${statusLabel(e.from)} → ` : ""}{statusLabel(e.to)}
                      </span>
                    )}
                  </div>
                  <div className="text-slate-800">{e.message}</div>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
