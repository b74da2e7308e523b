"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState, useTransition, type ChangeEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { fieldClass } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions";
import type { ImportPreview } from "@/lib/inventory/export";
import { importProductsAction, previewProductImportAction } from "../actions";
import { MAX_CSV_BYTES } from "../limits";

type Previewed = { csv: string; result: ImportPreview };

export function ProductImport({ currency, locale }: { currency: string; locale: string }) {
  const t = useTranslations("inventoryImport");
  const toast = useToast();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<Previewed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ created: number; updated: number } | null>(null);
  const [busy, setBusy] = useState<"preview" | "import" | null>(null);
  const [pending, start] = useTransition();
  // Display only: the price stays the exact decimal string of the file.
  const money = useMemo(() => new Intl.NumberFormat(locale, { style: "currency", currency }), [locale, currency]);
  const integer = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }), [locale]);

  /**
   * Calls an action; a request that never reaches it (network down, body over the server's
   * size limit) becomes an error result instead of throwing into the error boundary.
   */
  async function send<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
    try {
      return await call();
    } catch {
      return { ok: false, code: "INTERNAL", message: t("form.sendFailed") };
    }
  }

  /** Any change of the text makes the last preview stale: it must be previewed again. */
  function invalidate() {
    setPreview(null);
    setDone(null);
    setError(null);
  }

  function runPreview(csv: string) {
    setError(null);
    setDone(null);
    if (!csv.trim()) {
      setPreview(null);
      setError(t("form.empty"));
      return;
    }
    setBusy("preview");
    start(async () => {
      const res = await send(() => previewProductImportAction({ csv }));
      setBusy(null);
      if (res.ok) setPreview({ csv, result: res.data });
      else {
        setPreview(null);
        setError(res.fieldErrors?.csv ?? res.message);
      }
    });
  }

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = ""; // choosing the same (fixed) file again fires a change
    if (!file) return;
    invalidate();
    if (file.size > MAX_CSV_BYTES) {
      setError(t("form.tooLarge"));
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setError(t("form.readFailed"));
      return;
    }
    if (textRef.current) textRef.current.value = text;
    setFileName(file.name);
    runPreview(text);
  }

  function onClear() {
    if (textRef.current) textRef.current.value = "";
    setFileName(null);
    invalidate();
  }

  function onImport() {
    if (!preview || preview.result.blocked) return;
    const { csv } = preview;
    setError(null);
    setBusy("import");
    start(async () => {
      const res = await send(() => importProductsAction({ csv }));
      setBusy(null);
      if (res.ok) {
        setDone(res.data);
        setPreview(null);
        setFileName(null);
        if (textRef.current) textRef.current.value = "";
        toast(t("done", res.data));
      } else {
        setError(res.fieldErrors?.csv ?? res.message);
        toast(res.message, "error");
      }
    });
  }

  const result = preview?.result;
  const importable = result ? result.counts.create + result.counts.update : 0;

  return (
    <>
      <Card title={t("form.title")}>
        <div className="space-y-4">
          <Field id="import-file" label={t("form.file")} hint={fileName ? t("form.loaded", { name: fileName }) : t("form.fileHint")}>
            <input
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              onChange={onFile}
              disabled={pending}
              aria-describedby="import-file-hint"
              className="block w-full max-w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 file:ring-1 file:ring-slate-300 file:ring-inset hover:file:bg-slate-50"
            />
          </Field>
          <Field id="import-csv" label={t("form.paste")} hint={t("form.pasteHint")}>
            <textarea
              id="import-csv"
              ref={textRef}
              rows={8}
              spellCheck={false}
              autoComplete="off"
              onInput={invalidate}
              aria-describedby="import-csv-hint"
              wrap="off"
              className={`${fieldClass} font-mono text-xs`}
              placeholder={t("form.pastePlaceholder")}
            />
          </Field>
          {error && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="import-message">
              {error}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => runPreview(textRef.current?.value ?? "")} disabled={pending}>
              {busy === "preview" ? t("form.previewing") : t("form.preview")}
            </Button>
            <Button variant="secondary" onClick={onClear} disabled={pending}>
              {t("form.clear")}
            </Button>
          </div>
        </div>
      </Card>

      {done && (
        <Card>
          <div role="status" data-testid="import-done" className="space-y-3">
            <p className="font-medium text-emerald-800">{t("done", done)}</p>
            <p className="text-sm text-slate-600">{t("doneBody")}</p>
            <div className="flex flex-wrap gap-2">
              <Button asChild>
                <Link href="/inventory">{t("back")}</Link>
              </Button>
              <Button variant="secondary" onClick={() => setDone(null)}>
                {t("another")}
              </Button>
            </div>
          </div>
        </Card>
      )}

      {result && (
        <section aria-labelledby="import-preview-title" className="space-y-4" data-testid="import-preview">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="import-preview-title" className="text-base font-semibold text-slate-900">
              {t("preview.title")}
            </h2>
            <p className="text-xs text-slate-500">
              {t("preview.separator", { delimiter: result.delimiter })} · {t("preview.nothingWritten")}
            </p>
          </div>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label={t("preview.counts.create")} value={integer.format(result.counts.create)} testId="count-create" />
            <Stat label={t("preview.counts.update")} value={integer.format(result.counts.update)} testId="count-update" />
            <Stat label={t("preview.counts.errorLines")} value={integer.format(result.counts.errorLines)} testId="count-error-lines" alert={result.counts.errorLines > 0} />
            <Stat label={t("preview.counts.conflicts")} value={integer.format(result.counts.conflicts)} testId="count-conflicts" alert={result.counts.conflicts > 0} />
          </dl>
          {result.ignoredColumns.length > 0 && <p className="text-xs text-slate-500">{t("preview.ignored", { columns: result.ignoredColumns.join(", ") })}</p>}

          {result.errors.length > 0 && (
            <div className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-900">{t("preview.errorsTitle")}</h3>
              <Table data-testid="import-errors">
                <THead>
                  <tr>
                    <Th numeric>{t("preview.line")}</Th>
                    <Th>{t("preview.column")}</Th>
                    <Th>{t("preview.problem")}</Th>
                  </tr>
                </THead>
                <TBody>
                  {result.errors.map((e, i) => (
                    <Tr key={i} data-testid="import-error">
                      <Td numeric>{e.line}</Td>
                      <Td className="font-mono text-xs whitespace-nowrap">{e.column ?? ""}</Td>
                      <Td className="min-w-[14rem] text-red-700">{e.message}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
              <Showing shown={result.errors.length} total={result.counts.errors} />
            </div>
          )}

          {result.conflicts.length > 0 && (
            <div className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-900">{t("preview.conflictsTitle")}</h3>
              <Table data-testid="import-conflicts">
                <THead>
                  <tr>
                    <Th numeric>{t("preview.line")}</Th>
                    <Th>{t("preview.column")}</Th>
                    <Th>{t("preview.problem")}</Th>
                  </tr>
                </THead>
                <TBody>
                  {result.conflicts.map((c, i) => (
                    <Tr key={i} data-testid="import-conflict">
                      <Td numeric>{c.line}</Td>
                      <Td className="font-mono text-xs whitespace-nowrap">{c.column}</Td>
                      <Td className="min-w-[14rem] text-red-700">{c.message}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
              <Showing shown={result.conflicts.length} total={result.counts.conflicts} />
            </div>
          )}

          {result.rows.length > 0 && (
            <div className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-900">{t("preview.rowsTitle")}</h3>
              <Table data-testid="import-rows">
                <THead>
                  <tr>
                    <Th numeric>{t("preview.line")}</Th>
                    <Th>{t("preview.sku")}</Th>
                    <Th>{t("preview.name")}</Th>
                    <Th numeric>{t("preview.price")}</Th>
                    <Th>{t("preview.action")}</Th>
                  </tr>
                </THead>
                <TBody>
                  {result.rows.map((r) => (
                    <Tr key={r.line} data-testid={`import-row-${r.sku}`}>
                      <Td numeric>{r.line}</Td>
                      <Td className="font-mono text-xs whitespace-nowrap">{r.sku}</Td>
                      <Td className="min-w-[10rem]">{r.name}</Td>
                      <Td numeric className="whitespace-nowrap">
                        {money.format(r.price as unknown as number)}
                      </Td>
                      <Td>{r.action === "create" ? <Badge tone="success">{t("preview.actionCreate")}</Badge> : <Badge tone="info">{t("preview.actionUpdate")}</Badge>}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
              <Showing shown={result.rows.length} total={importable} />
            </div>
          )}

          <div className="flex flex-col gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:flex-row sm:items-center sm:justify-between">
            {result.blocked ? (
              <p className="text-sm font-medium text-red-700" data-testid="import-blocked">
                {importable === 0 && result.errors.length === 0 && result.conflicts.length === 0 ? t("preview.noRows") : t("preview.blocked")}
              </p>
            ) : (
              <p className="text-sm text-slate-600">{t("preview.nothingWritten")}</p>
            )}
            <Button onClick={onImport} disabled={pending || result.blocked}>
              {busy === "import" ? t("preview.importing") : t("preview.import", { count: importable })}
            </Button>
          </div>
        </section>
      )}
    </>
  );
}

function Stat({ label, value, testId, alert }: { label: string; value: string; testId: string; alert?: boolean }) {
  return (
    <div className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className={`mt-1 text-xl font-semibold tabular-nums ${alert ? "text-red-700" : "text-slate-900"}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function Showing({ shown, total }: { shown: number; total: number }) {
  const t = useTranslations("inventoryImport");
  if (shown >= total) return null;
  return <p className="text-xs text-slate-500">{t("preview.showing", { shown, total })}</p>;
}
