"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, useTransition, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { closePackageAction, markDeliveredAction, packScanAction, shipPackageAction } from "../actions";
import { alarm, newScanId } from "./scan-id";

type Line = { lineId: string; lineNo: number; sku: string; name: string; picked: number; packed: number; kit: string | null };
type Pkg = {
  id: string;
  number: number;
  status: string;
  boxType: string;
  weightGrams: number | null;
  items: { sku: string; name: string; quantity: number }[];
  shipment: { id: string; text: string; delivered: string | null } | null;
};
type Carrier = { code: string; name: string; services: string[]; manualTracking: boolean };

export function PackStation(props: {
  canOperate: boolean;
  order: { id: string; number: number; status: string };
  header: string;
  warehouse: string;
  lines: Line[];
  openTasks: number;
  packages: Pkg[];
  boxTypes: string[];
  carriers: Carrier[];
}) {
  const t = useTranslations("fulfilment.station");
  const toast = useToast();
  const router = useRouter();
  const nf = useMemo(() => new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }), []);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const scanRef = useRef<HTMLInputElement>(null);
  const scanId = useRef(newScanId());
  const open = props.packages.find((p) => p.status === "OPEN");
  const toPack = props.lines.reduce((s, l) => s + l.picked - l.packed, 0);
  const picked = props.lines.reduce((s, l) => s + l.picked, 0);

  useEffect(() => {
    scanRef.current?.focus();
  }, [props.packages, error]);

  function onScan(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get("item") ?? "").trim();
    e.currentTarget.reset();
    if (!code) return;
    start(async () => {
      const r = await packScanAction({ scanId: scanId.current, orderId: props.order.id, warehouse: props.warehouse, item: code });
      if (!r.ok) {
        setError(r.message);
        alarm();
        return;
      }
      scanId.current = newScanId();
      setError(null);
      router.refresh();
    });
  }

  function onClose(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!open) return;
    const fd = new FormData(e.currentTarget);
    start(async () => {
      const r = await closePackageAction({ packageId: open.id, boxType: String(fd.get("boxType")) as "M", weightGrams: String(fd.get("weightGrams") ?? "") as unknown as number });
      if (!r.ok) {
        setFieldErrors(r.fieldErrors ?? {});
        setError(r.message);
        return;
      }
      setFieldErrors({});
      setError(null);
      toast(t("closed", { number: r.data.number }));
      router.refresh();
    });
  }

  return (
    <div className="space-y-6" data-testid="pack-station">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{t("title", { number: props.order.number })}</h1>
        <p className="text-sm text-slate-600">{props.header}</p>
      </div>
      {error && (
        <div role="alert" data-testid="pack-error" className="rounded-xl border-2 border-red-600 bg-red-50 p-4 text-lg font-semibold text-red-800">
          {error}
        </div>
      )}
      {props.openTasks > 0 && <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-600/20">{t("stillPicking", { n: props.openTasks })}</p>}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("expected")}>
          {props.lines.length === 0 ? (
            <p className="text-sm text-slate-500">—</p>
          ) : (
            <Table data-testid="pack-lines">
              <THead>
                <tr>
                  <Th>{t("cols.sku")}</Th>
                  <Th>{t("cols.product")}</Th>
                  <Th numeric>{t("cols.packed")}</Th>
                </tr>
              </THead>
              <TBody>
                {props.lines.map((l) => (
                  <Tr key={`${l.lineId}-${l.sku}`} className={l.packed === l.picked ? "bg-emerald-50/60" : undefined}>
                    <Td className="font-mono text-xs whitespace-nowrap">{l.sku}</Td>
                    <Td className="min-w-[8rem]">
                      {l.name}
                      {l.kit && <span className="block text-xs text-slate-500">{t("kitPart", { kit: l.kit })}</span>}
                    </Td>
                    <Td numeric className="whitespace-nowrap font-medium" data-testid={`packed-${l.sku}`}>
                      {nf.format(l.packed)} / {nf.format(l.picked)}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
          {picked > 0 && toPack === 0 && props.openTasks === 0 && (
            <p className="mt-3 text-sm font-medium text-emerald-700" data-testid="all-packed">
              {t("allPacked")}
            </p>
          )}
        </Card>

        {props.canOperate && (toPack > 0 || open) && (
          <Card title={open ? t("openPackage", { number: open.number }) : t("scan")}>
            <form onSubmit={onScan} autoComplete="off" className="mb-4">
              <label htmlFor="pack-scan" className="mb-1 block text-sm font-medium text-slate-800">
                {t("scan")}
              </label>
              <Input ref={scanRef} id="pack-scan" name="item" className="h-12 font-mono text-lg" autoCapitalize="characters" spellCheck={false} enterKeyHint="go" disabled={pending} data-testid="pack-scan" />
              {!open && <p className="mt-1 text-xs text-slate-500">{t("noOpen")}</p>}
            </form>
            {open && (
              <>
                <ul className="mb-4 divide-y divide-slate-100 text-sm" data-testid="open-package">
                  {open.items.map((i) => (
                    <li key={i.sku} className="flex justify-between gap-3 py-1.5">
                      <span className="font-mono text-xs">{i.sku}</span>
                      <span className="tabular-nums">× {nf.format(i.quantity)}</span>
                    </li>
                  ))}
                </ul>
                <form onSubmit={onClose} className="grid grid-cols-2 gap-3" noValidate>
                  <Field id="box" label={t("box")} error={fieldErrors.boxType}>
                    <Select id="box" name="boxType" defaultValue={open.boxType}>
                      {props.boxTypes.map((b) => (
                        <option key={b} value={b}>
                          {b}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field id="weight" label={t("weight")} error={fieldErrors.weightGrams}>
                    <Input id="weight" name="weightGrams" type="number" inputMode="numeric" min={1} />
                  </Field>
                  <div className="col-span-2">
                    <Button type="submit" disabled={pending} data-testid="close-package">
                      {t("close")}
                    </Button>
                  </div>
                </form>
              </>
            )}
          </Card>
        )}
      </div>

      <Card title={t("packages")}>
        {props.packages.filter((p) => p.status !== "OPEN").length === 0 ? (
          <p className="text-sm text-slate-500">{t("noPackages")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {props.packages
              .filter((p) => p.status !== "OPEN")
              .map((p) => (
                <PackageRow key={p.id} pkg={p} carriers={props.carriers} canOperate={props.canOperate} />
              ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function PackageRow({ pkg, carriers, canOperate }: { pkg: Pkg; carriers: Carrier[]; canOperate: boolean }) {
  const t = useTranslations("fulfilment.station");
  const toast = useToast();
  const router = useRouter();
  const [carrier, setCarrier] = useState(carriers[0]?.code ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const c = carriers.find((x) => x.code === carrier);
  const count = pkg.items.reduce((s, i) => s + i.quantity, 0);

  function onShip(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    start(async () => {
      const r = await shipPackageAction({ packageId: pkg.id, carrier, service: String(fd.get("service")), trackingNumber: String(fd.get("trackingNumber") ?? "") });
      if (!r.ok) {
        setErrors(r.fieldErrors ?? {});
        setError(r.fieldErrors ? null : r.message);
        return;
      }
      setErrors({});
      setError(null);
      toast(t("shipped", { tracking: r.data.trackingNumber }));
      router.refresh();
    });
  }

  function onDeliver(id: string) {
    start(async () => {
      const r = await markDeliveredAction({ shipmentId: id });
      if (!r.ok) setError(r.message);
      else router.refresh();
    });
  }

  return (
    <li className="space-y-3 py-3" data-testid={`package-${pkg.number}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">PKG-{pkg.number}</span>
        <Badge tone={pkg.status === "SHIPPED" ? "success" : "info"}>{t(`status.${pkg.status as "PACKED"}`)}</Badge>
        <span className="text-sm text-slate-600">
          {t("items", { n: count })} · {pkg.boxType}
          {pkg.weightGrams ? ` · ${pkg.weightGrams} g` : ""}
        </span>
        <a className="text-sm text-indigo-700 hover:underline" href={`/fulfilment/documents/packing-slip?package=${pkg.id}`} target="_blank" rel="noopener">
          {t("slip")}
        </a>
        {pkg.shipment && (
          <a className="text-sm text-indigo-700 hover:underline" href={`/fulfilment/documents/label?shipment=${pkg.shipment.id}`} target="_blank" rel="noopener">
            {t("label")}
          </a>
        )}
      </div>
      {pkg.shipment && (
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <span data-testid="shipment-text">{pkg.shipment.text}</span>
          {pkg.shipment.delivered ? (
            <Badge tone="success">{pkg.shipment.delivered}</Badge>
          ) : (
            canOperate && (
              <Button size="sm" variant="secondary" disabled={pending} onClick={() => onDeliver(pkg.shipment!.id)}>
                {t("deliver")}
              </Button>
            )
          )}
        </div>
      )}
      {pkg.status === "PACKED" && canOperate && (
        <form onSubmit={onShip} className="grid gap-3 sm:grid-cols-4 sm:items-end" noValidate data-testid={`ship-form-${pkg.number}`}>
          <Field id={`carrier-${pkg.id}`} label={t("carrier")} error={errors.carrier}>
            <Select id={`carrier-${pkg.id}`} value={carrier} onChange={(e) => setCarrier(e.target.value)}>
              {carriers.map((x) => (
                <option key={x.code} value={x.code}>
                  {x.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={`service-${pkg.id}`} label={t("service")} error={errors.service}>
            <Select id={`service-${pkg.id}`} name="service">
              {c?.services.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
          {c?.manualTracking && (
            <Field id={`tracking-${pkg.id}`} label={t("tracking")} error={errors.trackingNumber}>
              <Input id={`tracking-${pkg.id}`} name="trackingNumber" className="font-mono" autoCapitalize="characters" spellCheck={false} aria-invalid={Boolean(errors.trackingNumber)} />
            </Field>
          )}
          <Button type="submit" disabled={pending} data-testid={`ship-${pkg.number}`}>
            {t("ship")}
          </Button>
          {error && (
            <p role="alert" className="text-sm text-red-700 sm:col-span-4">
              {error}
            </p>
          )}
        </form>
      )}
    </li>
  );
}
