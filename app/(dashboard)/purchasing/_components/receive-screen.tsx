"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { alarm, newScanId } from "../../fulfilment/_components/scan-id";
import { receiveAction } from "../actions";

type Line = { sku: string; barcode: string | null; name: string; quantity: number; received: number; damaged: number; open: number };
type Pending = { sku: string; quantity: number; damaged: number };

/**
 * Receiving on a phone: scan an item (keyboard-wedge scanner: code + Enter), enter good and damaged
 * units, repeat; then receive them all in one receipt. The server checks everything again
 * (tolerance, closed orders); the receipt carries a scan id kept until it succeeds.
 */
export function ReceiveScreen({ po, lines, warehouse, canAllowOver }: { po: { id: string; number: number; status: string }; lines: Line[]; warehouse: string; canAllowOver: boolean }) {
  const t = useTranslations("purchasing.receive");
  const ts = useTranslations("purchasing.status");
  const router = useRouter();
  const nf = useMemo(() => new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }), []);
  const [current, setCurrent] = useState<Line | null>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, start] = useTransition();
  const scanId = useRef(newScanId());
  const scanRef = useRef<HTMLInputElement>(null);
  const qtyRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (current ? qtyRef : scanRef).current?.focus();
  }, [current, error, pending]);

  function fail(m: string) {
    setError(m);
    setNotice(null);
    alarm();
  }

  function onScan(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get("code") ?? "").trim();
    e.currentTarget.reset();
    if (!code) return;
    const line = lines.find((l) => l.barcode === code || l.sku.toUpperCase() === code.toUpperCase());
    if (!line) return fail(t("notOnPo", { code }));
    setError(null);
    setCurrent(line);
  }

  function onAdd(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!current) return;
    const fd = new FormData(e.currentTarget);
    const quantity = Number(fd.get("quantity") || 0);
    const damaged = Number(fd.get("damaged") || 0);
    if (!Number.isInteger(quantity) || !Number.isInteger(damaged) || quantity < 0 || damaged < 0 || quantity + damaged === 0) return fail(t("quantity"));
    setPending((p) => {
      const i = p.findIndex((x) => x.sku === current.sku);
      if (i < 0) return [...p, { sku: current.sku, quantity, damaged }];
      return p.map((x, j) => (j === i ? { ...x, quantity: x.quantity + quantity, damaged: x.damaged + damaged } : x));
    });
    setCurrent(null);
  }

  function onReceive(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const allowOver = new FormData(e.currentTarget).get("allowOver") === "on";
    start(async () => {
      const r = await receiveAction({ scanId: scanId.current, poId: po.id, lines: pending, allowOver });
      if (!r.ok) return fail(r.message);
      scanId.current = newScanId();
      setPending([]);
      setError(null);
      setNotice(t("received", { number: r.data.number, status: ts(r.data.status as "RECEIVED").toLowerCase() }));
      router.refresh();
    });
  }

  return (
    <div className="mx-auto max-w-md space-y-4" data-testid="receive-screen">
      <h1 className="text-xl font-semibold text-slate-900">{t("title", { number: po.number })}</h1>
      {error && (
        <div role="alert" data-testid="receive-error" className="rounded-xl border-2 border-red-600 bg-red-50 p-4 text-lg font-semibold text-red-800">
          {error}
        </div>
      )}
      {notice && (
        <div role="status" data-testid="receive-notice" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800 ring-1 ring-emerald-600/20">
          {notice}{" "}
          <Link className="underline" href={`/purchasing/putaway?warehouse=${encodeURIComponent(warehouse)}`}>
            {t("putaway")}
          </Link>
        </div>
      )}
      <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {!current ? (
          <form onSubmit={onScan} autoComplete="off">
            <label htmlFor="receive-scan" className="mb-1 block text-sm font-medium text-slate-800">
              {t("scan")}
            </label>
            <Input ref={scanRef} id="receive-scan" name="code" className="h-12 font-mono text-lg" autoCapitalize="characters" spellCheck={false} enterKeyHint="go" data-testid="receive-scan" />
            <p className="mt-1 text-xs text-slate-500">{t("scanHint")}</p>
          </form>
        ) : (
          <form onSubmit={onAdd} autoComplete="off" className="space-y-3">
            <p className="text-lg font-semibold">
              <span className="font-mono">{current.sku}</span> <span className="text-sm font-normal text-slate-600">{current.name}</span>
            </p>
            <p className="text-sm text-slate-600">{t("open", { open: nf.format(current.open) })}</p>
            <div className="grid grid-cols-2 gap-3">
              <div>
                <label htmlFor="receive-qty" className="mb-1 block text-sm font-medium">
                  {t("quantity")}
                </label>
                <Input ref={qtyRef} id="receive-qty" name="quantity" type="number" inputMode="numeric" min={0} defaultValue={current.open} className="h-12 text-lg" data-testid="receive-qty" />
              </div>
              <div>
                <label htmlFor="receive-damaged" className="mb-1 block text-sm font-medium">
                  {t("damaged")}
                </label>
                <Input id="receive-damaged" name="damaged" type="number" inputMode="numeric" min={0} defaultValue={0} className="h-12 text-lg" data-testid="receive-damaged" />
              </div>
            </div>
            <Button type="submit" size="lg" className="w-full" data-testid="receive-add">
              {t("add")}
            </Button>
          </form>
        )}
      </div>
      <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-2 text-sm font-semibold">{t("expected")}</h2>
        <ul className="divide-y divide-slate-100 text-sm" data-testid="receive-expected">
          {lines.map((l) => (
            <li key={l.sku} className={`flex justify-between gap-3 py-1.5 ${l.open === 0 ? "text-slate-400" : ""}`}>
              <span className="min-w-0 truncate">
                <span className="font-mono text-xs">{l.sku}</span> {l.name}
              </span>
              <span className="shrink-0 tabular-nums">{t("open", { open: nf.format(l.open) })}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-2 text-sm font-semibold">{t("pending")}</h2>
        {pending.length === 0 ? (
          <p className="text-sm text-slate-500">{t("nothing")}</p>
        ) : (
          <form onSubmit={onReceive} className="space-y-3">
            <ul className="divide-y divide-slate-100 text-sm" data-testid="receive-pending">
              {pending.map((p) => (
                <li key={p.sku} className="flex justify-between py-1.5">
                  <span className="font-mono text-xs">{p.sku}</span>
                  <span className="tabular-nums">
                    {nf.format(p.quantity)}
                    {p.damaged ? ` + ${nf.format(p.damaged)} ${t("damaged").toLowerCase()}` : ""}
                  </span>
                </li>
              ))}
            </ul>
            {canAllowOver && (
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="allowOver" className="h-4 w-4" /> {t("allowOver")}
              </label>
            )}
            <Button type="submit" size="lg" className="w-full" disabled={busy} data-testid="receive-submit">
              {t("submit")}
            </Button>
          </form>
        )}
      </div>
    </div>
  );
}
