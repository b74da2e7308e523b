"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { createLocationAction } from "../actions";

type Option = { value: string; label: string };

const FIELDS = ["kind", "parentCode", "code", "name", "barcode", "x", "y"];

export function CreateLocationDialog({ warehouse, kinds, parents }: { warehouse: string; kinds: Option[]; parents: Option[] }) {
  const t = useTranslations();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    fd.set("code", String(fd.get("code") ?? "").toUpperCase());
    start(async () => {
      const res = await createLocationAction(fd);
      if (res.ok) {
        setOpen(false);
        setErrors({});
        setMessage(null);
        toast(t("warehouse.location.created", { code: res.data.code }));
      } else {
        setErrors(res.fieldErrors ?? {});
        setMessage(res.message);
      }
    });
  }

  const describedBy = (id: string, name: string, hint?: boolean) => (errors[name] ? `${id}-error` : hint ? `${id}-hint` : undefined);

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
      title={t("warehouse.location.new")}
      trigger={<Button>{t("warehouse.location.new")}</Button>}
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <input type="hidden" name="warehouse" value={warehouse} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="loc-kind" label={t("warehouse.location.kind")} error={errors.kind}>
            <Select id="loc-kind" name="kind" defaultValue="BIN" aria-invalid={Boolean(errors.kind)} aria-describedby={describedBy("loc-kind", "kind")}>
              {kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="loc-parent" label={t("warehouse.location.parent")} error={errors.parentCode}>
            <Select id="loc-parent" name="parentCode" defaultValue="" aria-invalid={Boolean(errors.parentCode)} aria-describedby={describedBy("loc-parent", "parentCode")}>
              <option value="">{t("warehouse.location.parentNone")}</option>
              {parents.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <p className="-mt-2 text-xs text-slate-500">{t("warehouse.location.parentHint")}</p>
        <Field id="loc-code" label={t("warehouse.location.code")} error={errors.code} hint={t("warehouse.location.codeHint")}>
          <Input id="loc-code" name="code" autoComplete="off" className="font-mono uppercase" aria-invalid={Boolean(errors.code)} aria-describedby={describedBy("loc-code", "code", true)} />
        </Field>
        <Field id="loc-name" label={t("warehouse.location.name")} error={errors.name} hint={t("warehouse.location.nameHint")}>
          <Input id="loc-name" name="name" autoComplete="off" aria-invalid={Boolean(errors.name)} aria-describedby={describedBy("loc-name", "name", true)} />
        </Field>
        <Field id="loc-barcode" label={t("warehouse.location.barcode")} error={errors.barcode} hint={t("warehouse.location.barcodeHint", { warehouse })}>
          <Input id="loc-barcode" name="barcode" autoComplete="off" className="font-mono" aria-invalid={Boolean(errors.barcode)} aria-describedby={describedBy("loc-barcode", "barcode", true)} />
        </Field>
        <div className="grid grid-cols-2 gap-4">
          <Field id="loc-x" label={t("warehouse.location.x")} error={errors.x}>
            <Input id="loc-x" name="x" type="number" inputMode="numeric" min={0} step={1} aria-invalid={Boolean(errors.x)} aria-describedby={describedBy("loc-x", "x")} />
          </Field>
          <Field id="loc-y" label={t("warehouse.location.y")} error={errors.y}>
            <Input id="loc-y" name="y" type="number" inputMode="numeric" min={0} step={1} aria-invalid={Boolean(errors.y)} aria-describedby={describedBy("loc-y", "y")} />
          </Field>
        </div>
        <p className="-mt-2 text-xs text-slate-500">{t("warehouse.location.coordsHint")}</p>
        {message && !Object.keys(errors).some((k) => FIELDS.includes(k)) && <p className="text-sm text-red-600">{message}</p>}
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? t("common.loading") : t("warehouse.location.create")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
