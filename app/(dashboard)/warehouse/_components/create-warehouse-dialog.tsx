"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { createWarehouseAction } from "../actions";

export function CreateWarehouseDialog() {
  const t = useTranslations();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    // Codes are capitals; accept what was typed in lower case.
    for (const k of ["code", "country"]) fd.set(k, String(fd.get(k) ?? "").toUpperCase());
    start(async () => {
      const res = await createWarehouseAction(fd);
      if (res.ok) {
        setOpen(false);
        setErrors({});
        setMessage(null);
        toast(t("warehouse.created", { code: res.data.code }));
      } else {
        setErrors(res.fieldErrors ?? {});
        setMessage(res.message);
      }
    });
  }

  const field = (name: "code" | "name" | "addressLine1" | "city" | "postalCode" | "country", opts: { hint?: string; autoComplete?: string; className?: string } = {}) => (
    <Field id={`wh-${name}`} label={t(`warehouse.form.${name}`)} error={errors[name]} hint={opts.hint}>
      <Input
        id={`wh-${name}`}
        name={name}
        autoComplete={opts.autoComplete ?? "off"}
        className={opts.className}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={errors[name] ? `wh-${name}-error` : opts.hint ? `wh-${name}-hint` : undefined}
      />
    </Field>
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          setErrors({});
          setMessage(null);
        }
      }}
      title={t("warehouse.new")}
      trigger={<Button>{t("warehouse.new")}</Button>}
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {field("code", { hint: t("warehouse.form.codeHint"), className: "font-mono uppercase" })}
        {field("name")}
        {field("addressLine1", { autoComplete: "address-line1" })}
        <div className="grid gap-4 sm:grid-cols-2">
          {field("city", { autoComplete: "address-level2" })}
          {field("postalCode", { autoComplete: "postal-code" })}
        </div>
        {field("country", { hint: t("warehouse.form.countryHint"), autoComplete: "country", className: "uppercase" })}
        {message && !Object.keys(errors).length && <p className="text-sm text-red-600">{message}</p>}
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? t("common.loading") : t("warehouse.create")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
