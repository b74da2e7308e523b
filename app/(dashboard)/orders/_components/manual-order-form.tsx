"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { formatMoney, parseMoney } from "@/lib/money";
import type { ManualEntryChannel, ProductForOrder } from "@/lib/orders/list-queries";
import { createManualOrderAction, lookupProductAction, searchProductsAction } from "../actions";
import type { ManualOrderInput } from "../manual-order-schema";

type Line = { sku: string; name: string; quantity: string; unitPrice: string; available: ProductForOrder["available"] };

/** A random id for this form (not a secret): works without a secure context, unlike randomUUID. */
function newRef(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Whole numbers typed by people; anything else stays NaN so the server names the field. */
function toInt(v: string): number {
  const s = v.trim();
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

function lineTotal(l: Line, currency: string): bigint | null {
  const q = toInt(l.quantity);
  if (!Number.isSafeInteger(q)) return null;
  try {
    return parseMoney(l.unitPrice, currency).amount * BigInt(q);
  } catch {
    return null;
  }
}

/**
 * Manual order entry for the desk, the phone and keyboard-wedge scanners: a scanner types the
 * barcode and presses Enter, which looks the product up and adds a line (or one more unit).
 * The form's `ref` is made once when it opens, so submitting twice creates one order.
 */
export function ManualOrderForm({ channels, defaultChannel }: { channels: ManualEntryChannel[]; defaultChannel: string }) {
  const t = useTranslations("orders.new");
  const locale = useLocale();
  const toast = useToast();
  const router = useRouter();
  const [ref] = useState(newRef);
  const [channelCode, setChannelCode] = useState(defaultChannel);
  const channel = channels.find((c) => c.code === channelCode) ?? channels[0]!;
  const [lines, setLines] = useState<Line[]>([]);
  const [scan, setScan] = useState("");
  const [scanError, setScanError] = useState<string | null>(null);
  const [lookups, setLookups] = useState(0);
  const [announce, setAnnounce] = useState("");
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<ProductForOrder[] | null>(null);
  const latestQuery = useRef("");
  const [customerName, setCustomerName] = useState("");
  const [customerEmail, setCustomerEmail] = useState("");
  const [pickup, setPickup] = useState(false);
  const [recipient, setRecipient] = useState("");
  const [line1, setLine1] = useState("");
  const [line2, setLine2] = useState("");
  const [city, setCity] = useState("");
  const [postalCode, setPostalCode] = useState("");
  const [country, setCountry] = useState(channel.pickup?.country ?? "");
  const [shippingPrice, setShippingPrice] = useState("");
  const [paid, setPaid] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const canPickup = Boolean(channel.pickup) && (channel.type === "instore" || channel.type === "manual");
  const pickingUp = pickup && canPickup;

  // Product search by name, debounced; only the answer to the latest query is shown.
  useEffect(() => {
    const q = query.trim();
    latestQuery.current = q;
    if (q.length < 2) return;
    const timer = setTimeout(async () => {
      const res = await searchProductsAction({ q });
      if (latestQuery.current !== q) return;
      setResults(res.ok ? res.data : []);
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);

  function clearLineErrors() {
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("lines"))));
  }

  function addProduct(p: ProductForOrder) {
    setLines((ls) => {
      const i = ls.findIndex((l) => l.sku === p.sku);
      if (i < 0) return [...ls, { sku: p.sku, name: p.name, quantity: "1", unitPrice: p.price, available: p.available }];
      return ls.map((l, j) => (j === i ? { ...l, quantity: String((toInt(l.quantity) || 0) + 1), available: p.available } : l));
    });
    clearLineErrors();
    setAnnounce(t("added", { sku: p.sku }));
  }

  async function lookup(code: string) {
    setLookups((n) => n + 1);
    try {
      const res = await lookupProductAction({ code });
      if (res.ok) {
        setScanError(null);
        addProduct(res.data);
      } else setScanError(res.fieldErrors?.code ?? res.message);
    } finally {
      setLookups((n) => n - 1);
    }
  }

  function onScanKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== "Enter") return;
    e.preventDefault();
    const code = scan.trim();
    setScan("");
    if (code) void lookup(code);
  }

  function updateLine(i: number, patch: Partial<Line>) {
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  }

  function removeLine(i: number) {
    setLines((ls) => ls.filter((_, j) => j !== i));
    clearLineErrors();
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = customerName.trim();
    const p = channel.pickup;
    const input: ManualOrderInput = {
      channel: channel.code,
      ref,
      customer: { name, email: customerEmail.trim() },
      shippingAddress:
        pickingUp && p
          ? { name: recipient.trim() || name, line1: p.line1, line2: t("pickupLine2", { name: p.name }), city: p.city, postalCode: p.postalCode, country: p.country }
          : { name: recipient.trim() || name, line1, line2: line2.trim() || undefined, city, postalCode, country },
      lines: lines.map((l) => ({ sku: l.sku, quantity: toInt(l.quantity), unitPrice: l.unitPrice.trim() })),
      shippingPrice: !pickingUp && shippingPrice.trim() ? shippingPrice.trim() : undefined,
      paid,
    };
    start(async () => {
      const res = await createManualOrderAction(input);
      if (res.ok) {
        toast(res.data.created ? t("created", { number: res.data.number }) : t("existing", { number: res.data.number }));
        router.push(`/orders/${res.data.orderId}`);
      } else {
        setErrors(res.fieldErrors ?? {});
        setMessage(res.message);
      }
    });
  }

  const err = (path: string) => errors[path];
  const subtotal = lines.reduce<bigint | null>((s, l) => {
    const x = lineTotal(l, channel.currency);
    return s === null || x === null ? null : s + x;
  }, 0n);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {message && (
        <p className="rounded-md bg-red-50 p-3 text-sm text-red-700" role="alert">
          {message}
        </p>
      )}

      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="mo-channel" label={t("channel")} error={err("channel")}>
            <Select
              id="mo-channel"
              value={channel.code}
              onChange={(e) => {
                const next = channels.find((c) => c.code === e.target.value);
                setChannelCode(e.target.value);
                if (!next?.pickup) setPickup(false);
              }}
              aria-invalid={Boolean(err("channel"))}
            >
              {channels.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} · {c.name} ({c.currency})
                </option>
              ))}
            </Select>
          </Field>
          <Field id="mo-scan" label={t("scan")} error={scanError ?? undefined} hint={lookups > 0 ? t("looking") : t("scanHint")}>
            <Input
              id="mo-scan"
              value={scan}
              onChange={(e) => setScan(e.target.value)}
              onKeyDown={onScanKey}
              autoFocus
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              enterKeyHint="enter"
              aria-invalid={Boolean(scanError)}
              aria-describedby={scanError ? "mo-scan-error" : "mo-scan-hint"}
              data-testid="scan-input"
            />
          </Field>
        </div>
        <div className="mt-4">
          <Field id="mo-search" label={t("search")} hint={t("searchHint")}>
            <Input
              id="mo-search"
              type="search"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                if (e.target.value.trim().length < 2) setResults(null);
              }}
              onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
              autoComplete="off"
            />
          </Field>
          {results && query.trim().length >= 2 && (
            <ul className="mt-2 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label={t("search")}>
              {results.length === 0 ? (
                <li className="p-3 text-sm text-slate-500">{t("noMatches")}</li>
              ) : (
                results.map((p) => (
                  <li key={p.sku} className="flex items-center justify-between gap-3 p-2 text-sm">
                    <div className="min-w-0">
                      <div className="truncate">{p.name}</div>
                      <div className="font-mono text-xs text-slate-500">
                        {p.sku} · {formatMoney(parseMoney(p.price, p.currency).amount, p.currency, locale)} · {p.available.map((a) => `${a.warehouse} ${a.available}`).join(" · ")}
                      </div>
                    </div>
                    <Button size="sm" variant="secondary" onClick={() => addProduct(p)} aria-label={`${t("add")} ${p.sku}`}>
                      {t("add")}
                    </Button>
                  </li>
                ))
              )}
            </ul>
          )}
        </div>
        <p className="sr-only" aria-live="polite">{announce}</p>
      </section>

      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5" aria-labelledby="mo-lines-title">
        <h2 id="mo-lines-title" className="mb-3 text-sm font-semibold text-slate-900">{t("linesTitle")}</h2>
        {err("lines") && <p className="mb-2 text-sm text-red-600" data-field-error="lines">{err("lines")}</p>}
        {lines.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noLines")}</p>
        ) : (
          <ul className="space-y-3">
            {lines.map((l, i) => (
              <li key={l.sku} className="rounded-md p-3 ring-1 ring-slate-200" data-testid={`order-line-${l.sku}`}>
                <fieldset>
                  <legend className="flex w-full flex-wrap items-baseline justify-between gap-2">
                    <span>
                      <span className="font-mono text-xs">{l.sku}</span> <span className="text-sm">{l.name}</span>
                    </span>
                  </legend>
                  {err(`lines.${i}.sku`) && <p className="mt-1 text-sm text-red-600" data-field-error={`lines.${i}.sku`}>{err(`lines.${i}.sku`)}</p>}
                  <p className="mt-1 text-xs text-slate-500">{t("availableAt", { list: l.available.map((a) => `${a.warehouse} ${a.available}`).join(" · ") || "—" })}</p>
                  <div className="mt-2 grid grid-cols-[1fr_1fr_auto] items-start gap-2 sm:max-w-lg">
                    <Field id={`mo-line-${i}-quantity`} label={t("quantity")} error={err(`lines.${i}.quantity`)}>
                      <Input
                        id={`mo-line-${i}-quantity`}
                        inputMode="numeric"
                        autoComplete="off"
                        value={l.quantity}
                        onChange={(e) => updateLine(i, { quantity: e.target.value })}
                        aria-invalid={Boolean(err(`lines.${i}.quantity`))}
                      />
                    </Field>
                    <Field id={`mo-line-${i}-price`} label={t("unitPrice", { currency: channel.currency })} error={err(`lines.${i}.unitPrice`)}>
                      <Input
                        id={`mo-line-${i}-price`}
                        inputMode="decimal"
                        autoComplete="off"
                        value={l.unitPrice}
                        onChange={(e) => updateLine(i, { unitPrice: e.target.value })}
                        aria-invalid={Boolean(err(`lines.${i}.unitPrice`))}
                      />
                    </Field>
                    <Button variant="ghost" className="mt-6" onClick={() => removeLine(i)} aria-label={t("removeLine", { sku: l.sku })}>
                      {t("remove")}
                    </Button>
                  </div>
                </fieldset>
              </li>
            ))}
          </ul>
        )}
        {lines.length > 0 && subtotal !== null && (
          <p className="mt-3 flex justify-between text-sm">
            <span className="text-slate-600" title={t("subtotalHint")}>{t("subtotal")}</span>
            <span className="font-medium tabular-nums" data-testid="entry-subtotal">{formatMoney(subtotal, channel.currency, locale)}</span>
          </p>
        )}
      </section>

      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5" aria-labelledby="mo-customer-title">
        <h2 id="mo-customer-title" className="mb-3 text-sm font-semibold text-slate-900">{t("customerTitle")}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="mo-customer-name" label={t("customerName")} error={err("customer.name")}>
            <Input id="mo-customer-name" value={customerName} onChange={(e) => setCustomerName(e.target.value)} autoComplete="off" aria-invalid={Boolean(err("customer.name"))} />
          </Field>
          <Field id="mo-customer-email" label={t("customerEmail")} error={err("customer.email")}>
            <Input id="mo-customer-email" type="email" inputMode="email" value={customerEmail} onChange={(e) => setCustomerEmail(e.target.value)} autoComplete="off" aria-invalid={Boolean(err("customer.email"))} />
          </Field>
        </div>

        <h3 className="mt-5 mb-3 text-sm font-semibold text-slate-900">{t("addressTitle")}</h3>
        {canPickup && channel.pickup && (
          <div className="mb-4">
            <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
              <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={pickup} onChange={(e) => setPickup(e.target.checked)} />
              {t("pickup")}
            </label>
            {pickingUp && <p className="mt-1 text-xs text-slate-500">{t("pickupHint", { name: channel.pickup.name, line1: channel.pickup.line1, city: channel.pickup.city })}</p>}
          </div>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="mo-recipient" label={t("recipient")} hint={t("recipientHint")} error={err("shippingAddress.name")}>
            <Input id="mo-recipient" value={recipient} onChange={(e) => setRecipient(e.target.value)} autoComplete="off" aria-invalid={Boolean(err("shippingAddress.name"))} />
          </Field>
          {!pickingUp && (
            <>
              <Field id="mo-line1" label={t("line1")} error={err("shippingAddress.line1")}>
                <Input id="mo-line1" value={line1} onChange={(e) => setLine1(e.target.value)} autoComplete="off" aria-invalid={Boolean(err("shippingAddress.line1"))} />
              </Field>
              <Field id="mo-line2" label={t("line2")} error={err("shippingAddress.line2")}>
                <Input id="mo-line2" value={line2} onChange={(e) => setLine2(e.target.value)} autoComplete="off" />
              </Field>
              <Field id="mo-city" label={t("city")} error={err("shippingAddress.city")}>
                <Input id="mo-city" value={city} onChange={(e) => setCity(e.target.value)} autoComplete="off" aria-invalid={Boolean(err("shippingAddress.city"))} />
              </Field>
              <Field id="mo-postal" label={t("postalCode")} error={err("shippingAddress.postalCode")}>
                <Input id="mo-postal" value={postalCode} onChange={(e) => setPostalCode(e.target.value)} autoComplete="off" aria-invalid={Boolean(err("shippingAddress.postalCode"))} />
              </Field>
              <Field id="mo-country" label={t("country")} error={err("shippingAddress.country")}>
                <Input id="mo-country" value={country} onChange={(e) => setCountry(e.target.value.toUpperCase())} maxLength={2} autoComplete="off" className="w-24" aria-invalid={Boolean(err("shippingAddress.country"))} />
              </Field>
            </>
          )}
        </div>
      </section>

      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5" aria-labelledby="mo-payment-title">
        <h2 id="mo-payment-title" className="mb-3 text-sm font-semibold text-slate-900">{t("paymentTitle")}</h2>
        <div className="grid items-start gap-4 sm:grid-cols-2">
          {!pickingUp && (
            <Field id="mo-shipping" label={t("shippingPrice", { currency: channel.currency })} hint={t("shippingPriceHint")} error={err("shippingPrice")}>
              <Input id="mo-shipping" inputMode="decimal" value={shippingPrice} onChange={(e) => setShippingPrice(e.target.value)} autoComplete="off" aria-invalid={Boolean(err("shippingPrice"))} />
            </Field>
          )}
          <div>
            <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
              <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={paid} onChange={(e) => setPaid(e.target.checked)} />
              {t("paid")}
            </label>
            <p className="mt-1 text-xs text-slate-500">{t("paidHint")}</p>
          </div>
        </div>
      </section>

      <div className="flex justify-end">
        <Button type="submit" size="lg" disabled={pending || lookups > 0} className="w-full sm:w-auto">
          {pending ? t("creating") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
