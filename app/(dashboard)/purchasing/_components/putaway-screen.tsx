"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { alarm, newScanId } from "../../fulfilment/_components/scan-id";
import { putawayAction } from "../actions";

type Item = { sku: string; name: string; barcode: string | null; free: number; suggested: string[] };

/** Putaway on a phone: scan the item, go to the suggested bin, scan it, confirm the quantity. */
export function PutawayScreen({ warehouse, items }: { warehouse: string; items: Item[] }) {
  const t = useTranslations("purchasing.putaway");
  const router = useRouter();
  const nf = useMemo(() => new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }), []);
  const [item, setItem] = useState<Item | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, start] = useTransition();
  const scanId = useRef(newScanId());
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    ref.current?.focus();
  }, [item, error, items]);

  function fail(m: string) {
    setError(m);
    setNotice(null);
    alarm();
  }

  function onItem(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get("code") ?? "").trim();
    e.currentTarget.reset();
    if (!code) return;
    const it = items.find((i) => i.barcode === code || i.sku.toUpperCase() === code.toUpperCase());
    if (!it) return fail(t("unknown", { code }));
    setError(null);
    setItem(it);
  }

  function onConfirm(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!item) return;
    const fd = new FormData(e.currentTarget);
    const bin = String(fd.get("bin") ?? "").trim();
    const quantity = Number(fd.get("quantity"));
    start(async () => {
      const r = await putawayAction({ scanId: scanId.current, warehouse, item: item.sku, bin, quantity });
      if (!r.ok) return fail(r.message);
      scanId.current = newScanId();
      setError(null);
      setItem(null);
      setNotice(t("done", { quantity: nf.format(r.data.quantity), sku: r.data.sku, bin: r.data.bin }));
      router.refresh();
    });
  }

  return (
    <div className="mx-auto max-w-md space-y-4" data-testid="putaway-screen">
      {error && (
        <div role="alert" data-testid="putaway-error" className="rounded-xl border-2 border-red-600 bg-red-50 p-4 text-lg font-semibold text-red-800">
          {error}
        </div>
      )}
      {notice && (
        <p role="status" data-testid="putaway-notice" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800 ring-1 ring-emerald-600/20">
          {notice}
        </p>
      )}
      <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {!item ? (
          <form onSubmit={onItem} autoComplete="off">
            <label htmlFor="putaway-item" className="mb-1 block text-sm font-medium">
              {t("scanItem")}
            </label>
            <Input ref={ref} id="putaway-item" name="code" className="h-12 font-mono text-lg" autoCapitalize="characters" spellCheck={false} enterKeyHint="go" data-testid="putaway-item" />
          </form>
        ) : (
          <form onSubmit={onConfirm} autoComplete="off" className="space-y-3">
            <p className="text-lg font-semibold">
              <span className="font-mono">{item.sku}</span> <span className="text-sm font-normal text-slate-600">{item.name}</span>
            </p>
            <p className="text-2xl font-bold font-mono" data-testid="putaway-suggested">
              {item.suggested.length ? t("suggested", { bins: item.suggested.join(", ") }) : t("noSuggestion")}
            </p>
            <div>
              <label htmlFor="putaway-bin" className="mb-1 block text-sm font-medium">
                {t("scanBin")}
              </label>
              <Input ref={ref} id="putaway-bin" name="bin" className="h-12 font-mono text-lg" autoCapitalize="characters" spellCheck={false} data-testid="putaway-bin" />
            </div>
            <div>
              <label htmlFor="putaway-qty" className="mb-1 block text-sm font-medium">
                {t("quantity")}
              </label>
              <Input id="putaway-qty" name="quantity" type="number" inputMode="numeric" min={1} max={item.free} defaultValue={item.free} className="h-12 text-lg" data-testid="putaway-qty" />
            </div>
            <Button type="submit" size="lg" className="w-full" disabled={busy} data-testid="putaway-confirm">
              {t("confirm")}
            </Button>
          </form>
        )}
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl bg-white px-4 text-sm shadow-sm ring-1 ring-slate-200" data-testid="putaway-queue">
          {items.map((i) => (
            <li key={i.sku} className="flex items-baseline justify-between gap-3 py-2">
              <span className="min-w-0">
                <span className="font-mono text-xs font-medium">{i.sku}</span> <span className="text-slate-600">{i.name}</span>
              </span>
              <span className="shrink-0 text-xs text-slate-600">
                {t("waiting", { free: nf.format(i.free) })} → {i.suggested[0] ?? "—"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
