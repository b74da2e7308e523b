"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { checkBinAction, checkItemAction, confirmPickAction } from "../actions";
import { Progress } from "./progress";
import { alarm, newScanId } from "./scan-id";

type Task = { id: string; seq: number; bin: string; sku: string; name: string; order: number; quantity: number; picked: number; short: number };
type Step = "bin" | "item" | "qty";

/**
 * Scan-to-pick: bin, then item, then quantity — each step checked by the server, a refusal shown
 * big and red with a beep. Keyboard-wedge scanners type the code and press Enter, which submits
 * the step's form. Every confirmation carries a scan id kept until it succeeds, so a retry after a
 * lost answer is not counted twice.
 */
export function PickScreen({ wave, tasks }: { wave: { number: number; status: string; warehouse: string }; tasks: Task[] }) {
  const t = useTranslations("fulfilment.pick");
  const router = useRouter();
  const nf = useMemo(() => new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }), []);
  const [local, setLocal] = useState<Record<string, { picked: number; short: number }>>({});
  const merged = tasks.map((x) => ({ ...x, ...(local[x.id] && local[x.id]!.picked + local[x.id]!.short > x.picked + x.short ? local[x.id] : {}) }));
  const open = merged.filter((x) => x.picked + x.short < x.quantity);
  const current = open[0];
  const total = merged.reduce((s, x) => s + x.quantity, 0);
  const done = merged.reduce((s, x) => s + x.picked + x.short, 0);

  // Scan progress belongs to one task: when the task changes, it starts again at the bin.
  const [scan, setScan] = useState<{ taskId?: string; step: Step; bin: string; item: string }>({ step: "bin", bin: "", item: "" });
  const fresh = { taskId: current?.id, step: "bin" as Step, bin: "", item: "" };
  const { step, bin, item } = scan.taskId === current?.id ? scan : fresh;
  const setStep = (next: Step) => setScan((x) => ({ ...(x.taskId === current?.id ? x : fresh), step: next }));
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const scanId = useRef<string>(newScanId());
  const inputRef = useRef<HTMLInputElement>(null);
  const left = current ? current.quantity - current.picked - current.short : 0;

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [step, current?.id, error]);

  function fail(message: string) {
    setError(message);
    setNotice(null);
    alarm();
  }

  function onScan(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!current) return;
    const code = String(new FormData(e.currentTarget).get("code") ?? "").trim();
    e.currentTarget.reset();
    if (!code) return;
    start(async () => {
      if (step === "bin") {
        const r = await checkBinAction({ taskId: current.id, code });
        if (!r.ok) return fail(r.message);
        setScan({ taskId: current.id, step: "item", bin: code, item: "" });
        setError(null);
        setNotice(t("binOk", { bin: r.data.bin }));
      } else if (step === "item") {
        const r = await checkItemAction({ taskId: current.id, code });
        if (!r.ok) return fail(r.message);
        setScan({ taskId: current.id, step: "qty", bin, item: code });
        setError(null);
        setNotice(t("itemOk", { sku: r.data.sku }));
      }
    });
  }

  function confirm(short: boolean, qtyText: string) {
    if (!current) return;
    const quantity = Number(qtyText);
    start(async () => {
      const r = await confirmPickAction({ scanId: scanId.current, taskId: current.id, bin, item, quantity, short });
      if (!r.ok) return fail(r.fieldErrors?.quantity ? `${r.message} ${r.fieldErrors.quantity}`.trim() : r.message);
      scanId.current = newScanId();
      setError(null);
      setLocal((m) => ({ ...m, [current.id]: { picked: current.picked + r.data.picked, short: current.short + r.data.short } }));
      const msg = r.data.replay ? t("replayed") : t("picked", { qty: nf.format(r.data.picked), sku: current.sku });
      setNotice(r.data.short > 0 ? `${msg} ${t("shortDone", { short: r.data.short, reallocated: r.data.reallocated, backordered: r.data.backordered })}` : msg);
      router.refresh();
    });
  }

  function onQty(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    confirm(submitter?.value === "short", String(new FormData(e.currentTarget).get("quantity") ?? ""));
  }

  return (
    <div className="mx-auto max-w-md space-y-4" data-testid="pick-screen">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{t("title", { number: wave.number })}</h1>
        <div className="mt-2">
          <Progress large value={done} max={total} label={t("progress", { done: nf.format(done), total: nf.format(total) })} />
        </div>
      </div>

      {error && (
        <div role="alert" data-testid="scan-error" className="rounded-xl border-2 border-red-600 bg-red-50 p-4 text-lg font-semibold text-red-800 shadow">
          {error}
        </div>
      )}
      {notice && !error && (
        <p role="status" data-testid="scan-notice" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800 ring-1 ring-emerald-600/20">
          {notice}
        </p>
      )}

      {!current ? (
        <div className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200" data-testid="wave-complete">
          <p className="text-lg font-semibold text-emerald-700">{t("done")}</p>
          <p className="mt-1 text-sm text-slate-600">{t("doneBody")}</p>
          <Button asChild className="mt-4">
            <Link href="/fulfilment">{t("toPacking")}</Link>
          </Button>
        </div>
      ) : (
        <div className="space-y-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="current-task">
          <div>
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("goTo")}</p>
            <p className="font-mono text-4xl font-bold text-slate-900" data-testid="task-bin">
              {current.bin}
            </p>
          </div>
          <div>
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("pickItem")}</p>
            <p className="text-2xl font-semibold text-slate-900">
              <span data-testid="task-left">{nf.format(left)}</span> × <span className="font-mono">{current.sku}</span>
            </p>
            <p className="text-sm text-slate-600">
              {current.name} · {t("forOrder", { order: current.order })}
            </p>
          </div>

          {step !== "qty" ? (
            <form onSubmit={onScan} autoComplete="off">
              <label htmlFor="scan" className="mb-1 block text-sm font-medium text-slate-800">
                {step === "bin" ? t("scanBin") : t("scanItem")}
              </label>
              <Input
                ref={inputRef}
                id="scan"
                name="code"
                className="h-12 font-mono text-lg"
                autoCapitalize="characters"
                autoCorrect="off"
                spellCheck={false}
                enterKeyHint="go"
                disabled={pending}
                aria-describedby="scan-hint"
                data-testid="scan-input"
              />
              <p id="scan-hint" className="mt-1 text-xs text-slate-500">
                {t("scanHint")}
              </p>
            </form>
          ) : (
            <form onSubmit={onQty} autoComplete="off" className="space-y-3">
              <div>
                <label htmlFor="quantity" className="mb-1 block text-sm font-medium text-slate-800">
                  {t("quantity")}
                </label>
                <Input ref={inputRef} id="quantity" name="quantity" type="number" inputMode="numeric" min={0} max={left} defaultValue={left} className="h-12 text-lg" disabled={pending} data-testid="qty-input" />
              </div>
              <div className="grid grid-cols-2 gap-2">
                <Button type="submit" value="pick" size="lg" disabled={pending} data-testid="confirm-pick">
                  {t("confirm")}
                </Button>
                <Button type="submit" value="short" variant="secondary" size="lg" disabled={pending} data-testid="report-short">
                  {t("short")}
                </Button>
              </div>
              <p className="text-xs text-slate-500">{t("shortHelp")}</p>
              <button type="button" className="text-sm text-indigo-700 underline" onClick={() => setStep("bin")}>
                {t("restart")}
              </button>
            </form>
          )}
          {open[1] && <p className="text-xs text-slate-500">{t("next", { bin: open[1].bin })}</p>}
        </div>
      )}
    </div>
  );
}
