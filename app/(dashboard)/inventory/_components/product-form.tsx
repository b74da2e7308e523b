"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, fieldClass } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { createProductAction, updateProductAction } from "../actions";

export type ProductFormValues = {
  id?: string;
  sku: string;
  name: string;
  price: string;
  cost: string;
  barcode: string;
  category: string;
  description: string;
  weightGrams: string;
  lengthMm: string;
  widthMm: string;
  heightMm: string;
  parentSku: string;
  active: boolean;
};

export function ProductForm({ initial, currency }: { initial: ProductFormValues; currency: string }) {
  const t = useTranslations("inventory.form");
  const tc = useTranslations("common");
  const toast = useToast();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const editing = Boolean(initial.id);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    start(async () => {
      const res = editing ? await updateProductAction(fd) : await createProductAction(fd);
      if (res.ok) {
        toast(editing ? t("saved") : t("created", { sku: res.data.sku }));
        router.push(`/inventory/products/${res.data.id}`);
      } else {
        setErrors(res.fieldErrors ?? {});
        setMessage(res.message);
      }
    });
  }

  const field = (name: keyof ProductFormValues, label: string, opts: { hint?: string; type?: string; inputMode?: "decimal" | "numeric"; required?: boolean } = {}) => (
    <Field id={`p-${name}`} label={label} error={errors[name]} hint={opts.hint}>
      <Input
        id={`p-${name}`}
        name={name}
        type={opts.type ?? "text"}
        inputMode={opts.inputMode}
        defaultValue={String(initial[name] ?? "")}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={errors[name] ? `p-${name}-error` : opts.hint ? `p-${name}-hint` : undefined}
        required={opts.required}
      />
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      {editing && <input type="hidden" name="id" value={initial.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        {editing ? (
          <div>
            <div className="text-sm font-medium text-slate-700">{t("sku")}</div>
            <div className="mt-2 font-mono text-sm">{initial.sku}</div>
          </div>
        ) : (
          field("sku", t("sku"), { hint: t("skuHint"), required: true })
        )}
        {field("name", t("name"), { required: true })}
        {field("price", t("price"), { hint: t("priceHint", { currency }), inputMode: "decimal", required: true })}
        {field("cost", t("cost"), { hint: t("costHint"), inputMode: "decimal" })}
        {field("barcode", t("barcode"), { inputMode: "numeric" })}
        {field("category", t("category"))}
        {field("weightGrams", t("weightGrams"), { inputMode: "numeric" })}
        {field("parentSku", t("parentSku"), { hint: t("parentSkuHint") })}
        {field("lengthMm", t("lengthMm"), { inputMode: "numeric" })}
        {field("widthMm", t("widthMm"), { inputMode: "numeric" })}
        {field("heightMm", t("heightMm"), { inputMode: "numeric" })}
      </div>
      <Field id="p-description" label={t("description")} error={errors.description}>
        <textarea id="p-description" name="description" rows={3} defaultValue={initial.description} className={fieldClass} />
      </Field>
      {editing && (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="active" defaultChecked={initial.active} className="h-4 w-4 rounded border-slate-300" />
          {t("active")}
        </label>
      )}
      {message && !Object.keys(errors).length && <p className="text-sm text-red-600">{message}</p>}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => router.back()}>
          {tc("cancel")}
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? tc("loading") : editing ? t("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}
