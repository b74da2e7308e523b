"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { createWaveAction } from "../actions";

export function CreateWaveForm({ warehouses, channels }: { warehouses: { code: string; name: string; orders: number }[]; channels: { code: string; name: string }[] }) {
  const t = useTranslations("fulfilment.create");
  const toast = useToast();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const firstWithWork = warehouses.find((w) => w.orders > 0)?.code ?? warehouses[0]?.code ?? "";

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const placed = String(fd.get("placedBefore") ?? "");
    start(async () => {
      const res = await createWaveAction({
        warehouse: String(fd.get("warehouse")),
        kind: fd.get("kind") === "single" ? "single" : "batch",
        channel: String(fd.get("channel") ?? ""),
        placedBefore: placed ? new Date(placed).toISOString() : "",
        maxOrders: fd.get("kind") === "single" ? 1 : Number(fd.get("maxOrders")),
        maxLines: Number(fd.get("maxLines")),
      } as never);
      if (res.ok) {
        setErrors({});
        setFormError(null);
        toast(t("created", { number: res.data.number, orders: res.data.orders, tasks: res.data.tasks }));
        router.push(`/fulfilment/waves/${res.data.number}`);
      } else {
        setErrors(res.fieldErrors ?? {});
        setFormError(res.message);
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate data-testid="create-wave">
      <Field id="wave-warehouse" label={t("warehouse")} error={errors.warehouse}>
        <Select id="wave-warehouse" name="warehouse" defaultValue={firstWithWork}>
          {warehouses.map((w) => (
            <option key={w.code} value={w.code}>
              {w.code} — {w.name} ({w.orders})
            </option>
          ))}
        </Select>
      </Field>
      <Field id="wave-kind" label={t("kind")}>
        <Select id="wave-kind" name="kind" defaultValue="batch">
          <option value="batch">{t("kindBatch")}</option>
          <option value="single">{t("kindSingle")}</option>
        </Select>
      </Field>
      <Field id="wave-channel" label={t("channel")} error={errors.channel}>
        <Select id="wave-channel" name="channel" defaultValue="">
          <option value="">{t("anyChannel")}</option>
          {channels.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="wave-placed" label={t("placedBefore")} hint={t("placedBeforeHint")} error={errors.placedBefore}>
        <Input id="wave-placed" name="placedBefore" type="datetime-local" />
      </Field>
      <Field id="wave-max-orders" label={t("maxOrders")} error={errors.maxOrders}>
        <Input id="wave-max-orders" name="maxOrders" type="number" inputMode="numeric" min={1} max={200} defaultValue={20} />
      </Field>
      <Field id="wave-max-lines" label={t("maxLines")} error={errors.maxLines}>
        <Input id="wave-max-lines" name="maxLines" type="number" inputMode="numeric" min={1} max={1000} defaultValue={100} />
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending || !warehouses.length}>
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
