"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { saveAlertSubscriptionsAction } from "../actions";

type Mode = "off" | "immediate" | "digest";

export function AlertSubscriptionsForm({ warehouses }: { warehouses: { code: string; name: string; mode: Mode }[] }) {
  const t = useTranslations("settings");
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const modes = Object.fromEntries(warehouses.map((w) => [w.code, String(fd.get(`mode-${w.code}`)) as Mode]));
    start(async () => {
      const r = await saveAlertSubscriptionsAction({ modes });
      if (r.ok) {
        setError(null);
        toast(t("alertsSaved"));
      } else setError(r.message);
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="alert-subscriptions">
      <p className="text-sm text-slate-600">{t("alertsBody")}</p>
      {warehouses.map((w) => (
        <div key={w.code} className="flex flex-wrap items-center justify-between gap-2">
          <label htmlFor={`mode-${w.code}`} className="text-sm">
            <span className="font-mono text-xs font-medium">{w.code}</span> {w.name}
          </label>
          <Select id={`mode-${w.code}`} name={`mode-${w.code}`} defaultValue={w.mode} className="w-48">
            {(["off", "immediate", "digest"] as const).map((m) => (
              <option key={m} value={m}>
                {t(`alertModes.${m}`)}
              </option>
            ))}
          </Select>
        </div>
      ))}
      <Button type="submit" size="sm" disabled={pending}>
        {t("alertsSave")}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
