"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

export type WarehouseOption = { code: string; name: string; active: boolean };

type Focus = { code: string; control: "up" | "down" } | { code: null; control: "add" };

/**
 * The channel's preferred warehouses as an ordered list: add from the active warehouses, move
 * up and down, remove. Plain buttons, so it works by keyboard; focus follows the moved item and
 * each change is announced.
 */
export function WarehouseOrder({
  id,
  value,
  onChange,
  warehouses,
  error,
}: {
  id: string;
  value: string[];
  onChange: (next: string[]) => void;
  warehouses: WarehouseOption[];
  error?: string;
}) {
  const t = useTranslations("channels.form");
  const byCode = new Map(warehouses.map((w) => [w.code, w]));
  const addable = warehouses.filter((w) => w.active && !value.includes(w.code));
  const [toAdd, setToAdd] = useState("");
  const [announce, setAnnounce] = useState("");
  // Where focus goes once the list has re-rendered after a change.
  const pendingFocus = useRef<Focus | null>(null);
  const refs = useRef(new Map<string, HTMLButtonElement | null>());
  const addRef = useRef<HTMLSelectElement | null>(null);
  const selected = addable.some((w) => w.code === toAdd) ? toAdd : (addable[0]?.code ?? "");

  useEffect(() => {
    const focus = pendingFocus.current;
    pendingFocus.current = null;
    if (!focus) return;
    if (focus.code === null) addRef.current?.focus();
    else {
      const i = value.indexOf(focus.code);
      // The same button when it still applies; at the top or bottom, the other direction.
      const control = (focus.control === "up" && i === 0) || (focus.control === "down" && i === value.length - 1) ? (focus.control === "up" ? "down" : "up") : focus.control;
      refs.current.get(`${focus.code}:${control}`)?.focus();
    }
  }, [value]);

  const label = (code: string) => {
    const w = byCode.get(code);
    return w ? `${w.code} · ${w.name}` : code;
  };

  function move(code: string, by: -1 | 1) {
    const i = value.indexOf(code);
    const j = i + by;
    if (i < 0 || j < 0 || j >= value.length) return;
    const next = [...value];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
    setAnnounce(t("movedTo", { code, position: j + 1 }));
    pendingFocus.current = { code, control: by < 0 ? "up" : "down" };
  }

  function remove(code: string) {
    onChange(value.filter((c) => c !== code));
    setAnnounce(t("removedWarehouse", { code }));
    pendingFocus.current = { code: null, control: "add" };
  }

  function add() {
    if (!selected) return;
    onChange([...value, selected]);
    setAnnounce(t("addedWarehouse", { code: selected, position: value.length + 1 }));
    setToAdd("");
  }

  const single = value.length <= 1;

  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : `${id}-hint`}>
      <legend className="block text-sm font-medium text-slate-700">{t("warehouses")}</legend>
      {value.length === 0 ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">{t("noWarehouses")}</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" data-testid="warehouse-order">
          {value.map((code, i) => (
            <li key={code} className="flex items-center gap-2 px-3 py-2" data-testid={`warehouse-order-${code}`}>
              <span className="w-5 shrink-0 text-right text-sm font-semibold text-slate-500 tabular-nums">{i + 1}.</span>
              <span className="min-w-0 flex-1 truncate text-sm text-slate-900" title={label(code)}>
                {label(code)} {byCode.get(code)?.active === false && <Badge>{t("inactive")}</Badge>}
              </span>
              <span className="flex shrink-0 gap-1">
                <Button
                  size="sm"
                  variant="ghost"
                  className="px-2"
                  ref={(el) => {
                    refs.current.set(`${code}:up`, el);
                  }}
                  disabled={single || i === 0}
                  onClick={() => move(code, -1)}
                  aria-label={t("moveUp", { code })}
                  title={t("moveUp", { code })}
                >
                  <span aria-hidden="true">↑</span>
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  className="px-2"
                  ref={(el) => {
                    refs.current.set(`${code}:down`, el);
                  }}
                  disabled={single || i === value.length - 1}
                  onClick={() => move(code, 1)}
                  aria-label={t("moveDown", { code })}
                  title={t("moveDown", { code })}
                >
                  <span aria-hidden="true">↓</span>
                </Button>
                <Button size="sm" variant="ghost" className="px-2 text-red-700" onClick={() => remove(code)} aria-label={t("removeWarehouse", { code })} title={t("removeWarehouse", { code })}>
                  <span aria-hidden="true">×</span>
                </Button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {addable.length > 0 && (
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1 space-y-1">
            <Label htmlFor={`${id}-add`} className="text-xs text-slate-600">
              {t("addWarehouse")}
            </Label>
            <Select id={`${id}-add`} ref={addRef} value={selected} onChange={(e) => setToAdd(e.target.value)}>
              {addable.map((w) => (
                <option key={w.code} value={w.code}>
                  {w.code} · {w.name}
                </option>
              ))}
            </Select>
          </div>
          <Button variant="secondary" onClick={add}>
            {t("add")}
          </Button>
        </div>
      )}
      {!error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {t("warehousesHint")}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-600" data-field-error={id}>
          {error}
        </p>
      )}
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
    </fieldset>
  );
}
