"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createPurchaseOrderAction } from "../actions";

type Line = { key: number; sku: string; quantity: string; unitCost: string };

export function NewPoForm({ suppliers, warehouses }: { suppliers: { code: string; name: string }[]; warehouses: { code: string; name: string }[] }) {
  const t = useTranslations("purchasing.new");
  const router = useRouter();
  const [lines, setLines] = useState<Line[]>([{ key: 1, sku: "", quantity: "1", unitCost: "" }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const set = (key: number, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    start(async () => {
      const r = await createPurchaseOrderAction({
        supplier: String(fd.get("supplier")),
        warehouse: String(fd.get("warehouse")),
        expectedAt: String(fd.get("expectedAt") ?? "") as unknown as Date,
        note: String(fd.get("note") ?? ""),
        lines: lines.map((l) => ({ sku: l.sku.trim(), quantity: l.quantity as unknown as number, ...(l.unitCost.trim() ? { unitCost: l.unitCost.trim() } : {}) })),
      });
      if (r.ok) router.push(`/purchasing/orders/${r.data.id}`);
      else {
        setErrors(r.fieldErrors ?? {});
        setFormError(r.message);
      }
    });
  }

  if (!suppliers.length) return <p className="text-sm text-slate-600">{t("noSuppliers")}</p>;
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate data-testid="new-po">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="po-supplier" label={t("supplier")} error={errors.supplier}>
          <Select id="po-supplier" name="supplier">
            {suppliers.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name} ({s.code})
              </option>
            ))}
          </Select>
        </Field>
        <Field id="po-warehouse" label={t("warehouse")} error={errors.warehouse}>
          <Select id="po-warehouse" name="warehouse">
            {warehouses.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code} — {w.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="po-expected" label={t("expectedAt")} error={errors.expectedAt}>
          <Input id="po-expected" name="expectedAt" type="date" />
        </Field>
      </div>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("lines")}</legend>
        {lines.map((l, i) => (
          <div key={l.key} className="grid grid-cols-2 gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
            <Field id={`l-${l.key}-sku`} label={t("sku")} error={errors[`lines.${i}.sku`]}>
              <Input id={`l-${l.key}-sku`} value={l.sku} onChange={(e) => set(l.key, { sku: e.target.value })} className="font-mono" autoCapitalize="characters" />
            </Field>
            <Field id={`l-${l.key}-qty`} label={t("quantity")} error={errors[`lines.${i}.quantity`]}>
              <Input id={`l-${l.key}-qty`} type="number" inputMode="numeric" min={1} value={l.quantity} onChange={(e) => set(l.key, { quantity: e.target.value })} />
            </Field>
            <Field id={`l-${l.key}-cost`} label={t("unitCost")} error={errors[`lines.${i}.unitCost`]}>
              <Input id={`l-${l.key}-cost`} inputMode="decimal" value={l.unitCost} onChange={(e) => set(l.key, { unitCost: e.target.value })} />
            </Field>
            <Button type="button" variant="secondary" size="sm" disabled={lines.length === 1} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))} aria-label={t("removeLine", { n: i + 1 })}>
              ×
            </Button>
          </div>
        ))}
        <Button type="button" variant="secondary" size="sm" onClick={() => setLines((ls) => [...ls, { key: Math.max(...ls.map((x) => x.key)) + 1, sku: "", quantity: "1", unitCost: "" }])}>
          {t("addLine")}
        </Button>
      </fieldset>
      <Field id="po-note" label={t("note")} error={errors.note}>
        <Input id="po-note" name="note" />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("submit")}
        </Button>
        {formError && (
          <p role="alert" className="text-sm text-red-700">
            {formError}
          </p>
        )}
      </div>
    </form>
  );
}
