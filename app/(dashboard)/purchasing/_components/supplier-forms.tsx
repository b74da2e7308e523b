"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { createSupplierAction, draftFromSuggestionsAction, setSupplierPriceAction } from "../actions";

function useSubmit<T>(run: (fd: FormData) => Promise<{ ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string> }>, done: (data: T) => string) {
  const toast = useToast();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    start(async () => {
      const r = await run(fd);
      if (r.ok) {
        setErrors({});
        setError(null);
        form.reset();
        toast(done(r.data));
        router.refresh();
      } else {
        setErrors(r.fieldErrors ?? {});
        setError(r.message);
      }
    });
  };
  return { errors, error, pending, onSubmit };
}

const obj = (fd: FormData) => Object.fromEntries([...fd.entries()].map(([k, v]) => [k, String(v)]));

export function CreateSupplierForm() {
  const t = useTranslations("purchasing.suppliers");
  const { errors, error, pending, onSubmit } = useSubmit((fd) => createSupplierAction(obj(fd) as never), (d) => t("created", { code: d.code }));
  const f = (name: string, props: Record<string, unknown> = {}) => (
    <Field id={`sup-${name}`} label={t(`form.${name}`)} error={errors[name]}>
      <Input id={`sup-${name}`} name={name} aria-invalid={Boolean(errors[name])} {...props} />
    </Field>
  );
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" noValidate data-testid="create-supplier">
      {f("code", { autoCapitalize: "characters" })}
      {f("name")}
      {f("email", { type: "email" })}
      {f("contactName")}
      {f("phone", { type: "tel" })}
      {f("currency", { defaultValue: "USD" })}
      {f("leadTimeDays", { type: "number", inputMode: "numeric", defaultValue: "7" })}
      {f("paymentTerms", { defaultValue: "Net 30" })}
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" disabled={pending}>
          {t("create")}
        </Button>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}

export function SetPriceForm({ supplier }: { supplier: string }) {
  const t = useTranslations("purchasing.suppliers");
  const { errors, error, pending, onSubmit } = useSubmit((fd) => setSupplierPriceAction({ ...obj(fd), supplier } as never), (d) => t("priceSaved", { sku: d.sku }));
  const f = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <Field id={`price-${name}`} label={label} error={errors[name]}>
      <Input id={`price-${name}`} name={name} {...props} />
    </Field>
  );
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end" noValidate>
      {f("sku", t("priceCols.sku"), { className: "font-mono", autoCapitalize: "characters" })}
      {f("supplierSku", t("priceCols.supplierSku"))}
      {f("unitCost", t("priceCols.unitCost"), { inputMode: "decimal" })}
      {f("minOrderQty", t("priceCols.moq"), { type: "number", defaultValue: "1" })}
      {f("packSize", t("priceCols.pack"), { type: "number", defaultValue: "1" })}
      <Button type="submit" disabled={pending}>
        {t("setPrice")}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-3 lg:col-span-6">
          {error}
        </p>
      )}
    </form>
  );
}

export function DraftFromSuggestionsButton() {
  const t = useTranslations("purchasing.replenishment");
  const { error, pending, onSubmit } = useSubmit(() => draftFromSuggestionsAction({}), (d) => t("drafted", { count: d.length }));
  return (
    <form onSubmit={onSubmit}>
      <Button type="submit" disabled={pending}>
        {t("draft")}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
