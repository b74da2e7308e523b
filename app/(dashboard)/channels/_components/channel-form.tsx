"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { createChannelAction, updateChannelAction } from "../actions";
import { CHANNEL_TYPES, COMMON_CURRENCIES, platformsFor, type ChannelFormInput } from "../schema";
import { WarehouseOrder, type WarehouseOption } from "./warehouse-order";

export type ChannelFormValues = {
  code: string;
  name: string;
  type: string;
  platform: string;
  currency: string;
  warehouses: string[];
  allowSplit: boolean;
  /** The tax rate as a percentage, e.g. "8.25". */
  taxPercent: string;
  pricesIncludeTax: boolean;
};

export const EMPTY_CHANNEL: ChannelFormValues = {
  code: "",
  name: "",
  type: "webshop",
  platform: "",
  currency: "USD",
  warehouses: [],
  allowSplit: true,
  taxPercent: "0",
  pricesIncludeTax: false,
};

const OTHER = "__other__";
const FIELDS = ["code", "name", "type", "platform", "currency", "warehouses", "allowSplit", "taxPercent", "pricesIncludeTax"];

/**
 * Create or edit a channel. On create, `onCreated` receives the webhook secret (to show once);
 * on edit the code is read-only and a toast confirms the save.
 */
export function ChannelForm({
  mode,
  initial,
  warehouses,
  hasOrders = false,
  onCreated,
  onCancel,
}: {
  mode: "create" | "edit";
  initial: ChannelFormValues;
  warehouses: WarehouseOption[];
  hasOrders?: boolean;
  onCreated?: (r: { code: string; name: string; webhookSecret: string }) => void;
  onCancel?: () => void;
}) {
  const t = useTranslations("channels");
  const tc = useTranslations("common");
  const toast = useToast();
  const [v, setV] = useState<ChannelFormValues>(initial);
  const [otherCurrency, setOtherCurrency] = useState(!(COMMON_CURRENCIES as readonly string[]).includes(initial.currency));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const set = <K extends keyof ChannelFormValues>(k: K, value: ChannelFormValues[K]) => setV((x) => ({ ...x, [k]: value }));
  const platforms = platformsFor(v.type);
  const p = mode === "create" ? "ch-new" : "ch-edit";

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input: ChannelFormInput = {
      code: v.code,
      name: v.name,
      type: v.type as ChannelFormInput["type"],
      platform: platforms.length ? v.platform : undefined,
      currency: v.currency,
      warehouses: v.warehouses,
      allowSplit: v.allowSplit,
      taxPercent: v.taxPercent,
      pricesIncludeTax: v.pricesIncludeTax,
    };
    start(async () => {
      if (mode === "create") {
        const res = await createChannelAction(input);
        if (res.ok) {
          setErrors({});
          setMessage(null);
          toast(t("createdToast", { code: res.data.code }));
          onCreated?.(res.data);
        } else fail(res);
      } else {
        const res = await updateChannelAction(input);
        if (res.ok) {
          setErrors({});
          setMessage(null);
          toast(t("savedToast", { code: res.data.code }));
        } else fail(res);
      }
    });
  }

  function fail(res: { message: string; fieldErrors?: Record<string, string> }) {
    const fe: Record<string, string> = {};
    // "warehouses.0" and the like belong to the warehouse list.
    for (const [k, msg] of Object.entries(res.fieldErrors ?? {})) fe[k.startsWith("warehouses") ? "warehouses" : k] ??= msg;
    setErrors(fe);
    setMessage(res.message);
  }

  const described = (id: string, name: string, hint?: boolean) => (errors[name] ? `${id}-error` : hint ? `${id}-hint` : undefined);

  const field = (name: string, label: string, control: (id: string) => ReactNode, hint?: string) => (
    <Field id={`${p}-${name}`} label={label} error={errors[name]} hint={hint}>
      {control(`${p}-${name}`)}
    </Field>
  );

  const checkbox = (name: "allowSplit" | "pricesIncludeTax", label: string, hint: string) => {
    const id = `${p}-${name}`;
    return (
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          checked={v[name]}
          onChange={(e) => set(name, e.target.checked)}
          className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300"
          aria-describedby={`${id}-hint`}
        />
        <div>
          <label htmlFor={id} className="text-sm font-medium text-slate-700">
            {label}
          </label>
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
          {errors[name] && <p className="text-sm text-red-600">{errors[name]}</p>}
        </div>
      </div>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid={`channel-form-${mode}`}>
      <div className="grid gap-4 sm:grid-cols-2">
        {field(
          "code",
          t("form.code"),
          (id) => (
            <Input
              id={id}
              value={v.code}
              onChange={(e) => set("code", e.target.value.toUpperCase())}
              readOnly={mode === "edit"}
              autoComplete="off"
              maxLength={32}
              className="font-mono uppercase read-only:bg-slate-50 read-only:text-slate-600"
              aria-invalid={Boolean(errors.code)}
              aria-describedby={described(id, "code", true)}
            />
          ),
          mode === "edit" ? t("form.codeFixed") : t("form.codeHint"),
        )}
        {field("name", t("form.name"), (id) => (
          <Input id={id} value={v.name} onChange={(e) => set("name", e.target.value)} autoComplete="off" maxLength={120} aria-invalid={Boolean(errors.name)} aria-describedby={described(id, "name")} />
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {field("type", t("form.type"), (id) => (
          <Select
            id={id}
            value={v.type}
            onChange={(e) => setV((x) => ({ ...x, type: e.target.value, platform: platformsFor(e.target.value).includes(x.platform) ? x.platform : "" }))}
            aria-invalid={Boolean(errors.type)}
            aria-describedby={described(id, "type")}
          >
            {CHANNEL_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </Select>
        ))}
        {platforms.length > 0 &&
          field("platform", t("form.platform"), (id) => (
            <Select id={id} value={v.platform} onChange={(e) => set("platform", e.target.value)} aria-invalid={Boolean(errors.platform)} aria-describedby={described(id, "platform")}>
              <option value="">{t("form.choosePlatform")}</option>
              {platforms.map((pl) => (
                <option key={pl} value={pl}>
                  {t(`platforms.${pl}`)}
                </option>
              ))}
            </Select>
          ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {field(
          "currency",
          t("form.currency"),
          (id) => (
            <Select
              id={id}
              value={otherCurrency ? OTHER : v.currency}
              onChange={(e) => {
                if (e.target.value === OTHER) {
                  setOtherCurrency(true);
                  set("currency", "");
                } else {
                  setOtherCurrency(false);
                  set("currency", e.target.value);
                }
              }}
              aria-invalid={Boolean(errors.currency) && !otherCurrency}
              aria-describedby={otherCurrency ? undefined : described(id, "currency", hasOrders)}
            >
              {COMMON_CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
              <option value={OTHER}>{t("form.otherCurrency")}</option>
            </Select>
          ),
          hasOrders ? t("form.currencyLocked") : undefined,
        )}
        {otherCurrency &&
          field(
            "currencyCode",
            t("form.currencyCode"),
            (id) => (
              <Input
                id={id}
                value={v.currency}
                onChange={(e) => set("currency", e.target.value.toUpperCase())}
                maxLength={3}
                autoComplete="off"
                className="font-mono uppercase"
                aria-invalid={Boolean(errors.currency)}
                aria-describedby={errors.currency ? `${p}-currency-error` : `${id}-hint`}
              />
            ),
            t("form.currencyCodeHint"),
          )}
      </div>
      <WarehouseOrder id={`${p}-warehouses`} value={v.warehouses} onChange={(w) => set("warehouses", w)} warehouses={warehouses} error={errors.warehouses} />
      {checkbox("allowSplit", t("form.allowSplit"), t("form.allowSplitHint"))}
      <div className="grid gap-4 sm:grid-cols-2">
        {field(
          "taxPercent",
          t("form.taxPercent"),
          (id) => (
            <div className="flex items-center gap-2">
              <Input
                id={id}
                value={v.taxPercent}
                onChange={(e) => set("taxPercent", e.target.value)}
                inputMode="decimal"
                autoComplete="off"
                className="w-28 text-right tabular-nums"
                aria-invalid={Boolean(errors.taxPercent)}
                aria-describedby={described(id, "taxPercent", true)}
              />
              <span className="text-sm text-slate-600" aria-hidden="true">
                %
              </span>
            </div>
          ),
          t("form.taxPercentHint"),
        )}
      </div>
      {checkbox("pricesIncludeTax", t("form.pricesIncludeTax"), t("form.pricesIncludeTaxHint"))}
      {message && !Object.keys(errors).some((k) => FIELDS.includes(k)) && <p className="text-sm text-red-600">{message}</p>}
      <div className="flex justify-end gap-2 pt-2">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {tc("cancel")}
          </Button>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? tc("loading") : mode === "create" ? t("create") : t("save")}
        </Button>
      </div>
    </form>
  );
}
