"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { adjustStockAction, holdStockAction, releaseHoldAction, setReorderRuleAction } from "../actions";

const REASONS = ["count", "found", "damage", "theft", "initial", "other"] as const;

/** Integers typed by people: "12", "-3"; anything else stays NaN so the server names the field. */
function toInt(v: FormDataEntryValue | null): number {
  const s = String(v ?? "").trim();
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}
const opt = (v: FormDataEntryValue | null) => (String(v ?? "").trim() ? String(v).trim() : undefined);

export function AdjustDialog({ sku, warehouses }: { sku: string; warehouses: string[] }) {
  const t = useTranslations("inventory.adjust");
  const tc = useTranslations("common");
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const input = {
      sku,
      warehouse: String(fd.get("warehouse") ?? ""),
      quantity: toInt(fd.get("quantity")),
      reason: String(fd.get("reason") ?? "") as (typeof REASONS)[number],
      unitCost: opt(fd.get("unitCost")),
      bin: opt(fd.get("bin")),
      note: opt(fd.get("note")),
    };
    start(async () => {
      const res = await adjustStockAction(input);
      if (res.ok) {
        setOpen(false);
        setErrors({});
        setMessage(null);
        toast(t("done", { sku, quantity: res.data.quantity > 0 ? `+${res.data.quantity}` : String(res.data.quantity) }));
      } else {
        setErrors(res.fieldErrors ?? {});
        setMessage(res.message);
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) { setErrors({}); setMessage(null); } }} title={t("title", { sku })} description={t("description")} trigger={<Button>{t("button")}</Button>}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="adj-warehouse" label={t("warehouse")} error={errors.warehouse}>
            <Select id="adj-warehouse" name="warehouse" defaultValue={warehouses[0]}>
              {warehouses.map((w) => (
                <option key={w} value={w}>{w}</option>
              ))}
            </Select>
          </Field>
          <Field id="adj-quantity" label={t("quantity")} error={errors.quantity} hint={t("quantityHint")}>
            <Input id="adj-quantity" name="quantity" inputMode="numeric" autoComplete="off" aria-invalid={Boolean(errors.quantity)} />
          </Field>
          <Field id="adj-reason" label={t("reason")} error={errors.reason}>
            <Select id="adj-reason" name="reason" defaultValue="count">
              {REASONS.map((r) => (
                <option key={r} value={r}>{t(`reasons.${r}`)}</option>
              ))}
            </Select>
          </Field>
          <Field id="adj-unitCost" label={t("unitCost")} error={errors.unitCost} hint={t("unitCostHint")}>
            <Input id="adj-unitCost" name="unitCost" inputMode="decimal" autoComplete="off" aria-invalid={Boolean(errors.unitCost)} />
          </Field>
        </div>
        <Field id="adj-bin" label={t("bin")} error={errors.bin} hint={t("binHint")}>
          <Input id="adj-bin" name="bin" autoComplete="off" aria-invalid={Boolean(errors.bin)} />
        </Field>
        <Field id="adj-note" label={t("note")} error={errors.note}>
          <Input id="adj-note" name="note" autoComplete="off" />
        </Field>
        {message && <p className="rounded-md bg-red-50 p-3 text-sm text-red-700" role="status">{message}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>{tc("cancel")}</Button>
          <Button type="submit" disabled={pending}>{pending ? tc("loading") : t("submit")}</Button>
        </div>
      </form>
    </Dialog>
  );
}

export function HoldDialog({ sku, warehouses }: { sku: string; warehouses: string[] }) {
  const t = useTranslations("inventory.hold");
  const ta = useTranslations("inventory.adjust");
  const tc = useTranslations("common");
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    start(async () => {
      const res = await holdStockAction({ sku, warehouse: String(fd.get("warehouse") ?? ""), quantity: toInt(fd.get("quantity")), note: opt(fd.get("note")) });
      if (res.ok) {
        setOpen(false);
        toast(t("done", { quantity: String(fd.get("quantity")) }));
      } else {
        setErrors(res.fieldErrors ?? {});
        setMessage(res.message);
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen} title={t("title", { sku })} description={t("description")} trigger={<Button variant="secondary">{t("button")}</Button>}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field id="hold-warehouse" label={ta("warehouse")} error={errors.warehouse}>
          <Select id="hold-warehouse" name="warehouse" defaultValue={warehouses[0]}>
            {warehouses.map((w) => (
              <option key={w} value={w}>{w}</option>
            ))}
          </Select>
        </Field>
        <Field id="hold-quantity" label={ta("quantity")} error={errors.quantity}>
          <Input id="hold-quantity" name="quantity" inputMode="numeric" autoComplete="off" aria-invalid={Boolean(errors.quantity)} />
        </Field>
        <Field id="hold-note" label={t("note")} error={errors.note}>
          <Input id="hold-note" name="note" autoComplete="off" />
        </Field>
        {message && !Object.keys(errors).length && <p className="rounded-md bg-red-50 p-3 text-sm text-red-700">{message}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>{tc("cancel")}</Button>
          <Button type="submit" disabled={pending}>{t("submit")}</Button>
        </div>
      </form>
    </Dialog>
  );
}

export function ReleaseHoldButton({ holdId }: { holdId: string }) {
  const t = useTranslations("inventory.detail");
  const toast = useToast();
  const [pending, start] = useTransition();
  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const res = await releaseHoldAction({ holdId });
          if (res.ok) toast(t("released", { count: res.data.released }));
          else toast(res.message, "error");
        })
      }
    >
      {t("release")}
    </Button>
  );
}

export function ReorderRuleForm({ sku, warehouse, reorderPoint, reorderQuantity, orderUpTo, multiple }: { sku: string; warehouse: string; reorderPoint: number | null; reorderQuantity: number | null; orderUpTo?: number | null; multiple?: number | null }) {
  const t = useTranslations("inventory.detail");
  const tc = useTranslations("common");
  const toast = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const q = opt(fd.get("reorderQuantity"));
    const up = opt(fd.get("orderUpTo"));
    const mult = opt(fd.get("multiple"));
    start(async () => {
      const res = await setReorderRuleAction({
        sku,
        warehouse,
        reorderPoint: toInt(fd.get("reorderPoint")),
        reorderQuantity: q === undefined ? undefined : toInt(q),
        orderUpTo: up === undefined ? undefined : toInt(up),
        multiple: mult === undefined ? undefined : toInt(mult),
      });
      if (res.ok) {
        setErrors({});
        toast(t("reorderSaved", { warehouse }));
      } else setErrors(res.fieldErrors ?? { reorderPoint: res.message });
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={`${t("reorderTitle")} ${warehouse}`}>
      <div className="w-16 pb-2 font-mono text-sm">{warehouse}</div>
      <Field id={`rp-${warehouse}`} label={t("reorderPoint")} error={errors.reorderPoint}>
        <Input id={`rp-${warehouse}`} name="reorderPoint" inputMode="numeric" defaultValue={reorderPoint ?? ""} className="w-28" aria-invalid={Boolean(errors.reorderPoint)} />
      </Field>
      <Field id={`rq-${warehouse}`} label={t("reorderQuantity")} error={errors.reorderQuantity}>
        <Input id={`rq-${warehouse}`} name="reorderQuantity" inputMode="numeric" defaultValue={reorderQuantity ?? ""} className="w-28" aria-invalid={Boolean(errors.reorderQuantity)} />
      </Field>
      <Field id={`ru-${warehouse}`} label={t("orderUpTo")} error={errors.orderUpTo}>
        <Input id={`ru-${warehouse}`} name="orderUpTo" inputMode="numeric" defaultValue={orderUpTo ?? ""} className="w-28" aria-invalid={Boolean(errors.orderUpTo)} />
      </Field>
      <Field id={`rm-${warehouse}`} label={t("multiple")} error={errors.multiple}>
        <Input id={`rm-${warehouse}`} name="multiple" inputMode="numeric" defaultValue={multiple ?? ""} className="w-20" aria-invalid={Boolean(errors.multiple)} />
      </Field>
      <Button type="submit" size="md" variant="secondary" disabled={pending}>{tc("save")}</Button>
    </form>
  );
}
