import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { getFormatters } from "@/lib/i18n/format";
import { getWarehouseDetail, type InternalLocationKind, type LocationNode } from "@/lib/inventory/location-queries";
import { NotAllowed, guardPage } from "../../guard";
import { CreateLocationDialog } from "../_components/create-location-dialog";

const KINDS: InternalLocationKind[] = ["ZONE", "AISLE", "SHELF", "BIN"];

function kindTone(kind: InternalLocationKind) {
  switch (kind) {
    case "ZONE":
      return "info" as const;
    case "AISLE":
    case "SHELF":
      return "neutral" as const;
    case "BIN":
      return "success" as const;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const t = await getTranslations("warehouse");
  return { title: `${code} · ${t("title")}` };
}

export default async function WarehouseDetailPage({ params }: { params: Promise<{ code: string }> }) {
  const { user, allowed } = await guardPage("warehouse.view");
  const t = await getTranslations("warehouse");
  if (!allowed) return <NotAllowed user={user} />;
  const { code } = await params;
  const [w, f] = await Promise.all([getWarehouseDetail(code), getFormatters()]);
  if (!w) notFound();
  const manage = can(user.role, "inventory.manage");
  const address = [w.addressLine1, [w.postalCode, w.city].filter(Boolean).join(" "), w.country].filter(Boolean).join(", ");
  const kinds = KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }));
  const indent = (depth: number) => "\u00a0\u00a0".repeat(depth);
  const parents = w.locations
    .filter((l) => l.kind !== "BIN")
    .map((l) => ({ value: l.code, label: `${indent(l.depth)}${t(`kinds.${l.kind}`)} ${l.code}${l.name !== l.code ? ` · ${l.name}` : ""}` }));
  const coords = (l: LocationNode) => (l.x === null && l.y === null ? t("detail.none") : `${l.x ?? t("detail.none")}, ${l.y ?? t("detail.none")}`);

  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href="/warehouse" className="text-indigo-700 hover:underline">
          ← {t("detail.back")}
        </Link>
      </nav>
      <PageHeader
        title={`${w.code} · ${w.name}`}
        description={[address, t("detail.summary", { bins: w.bins, units: f.number(w.onHand) })].filter(Boolean).join(" — ")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="secondary">
              <a href={`/fulfilment/documents/bin-labels?warehouse=${encodeURIComponent(w.code)}`} target="_blank" rel="noopener">
                {t("detail.printBinLabels")}
              </a>
            </Button>
            {manage && <CreateLocationDialog warehouse={w.code} kinds={kinds} parents={parents} />}
          </div>
        }
      />
      <section aria-labelledby="locations-title" className="space-y-3">
        <div>
          <h2 id="locations-title" className="text-sm font-semibold text-slate-900">
            {t("detail.locationsTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("detail.treeHint")}</p>
        </div>
        {w.locations.length === 0 ? (
          <EmptyState title={t("detail.noLocationsTitle")} body={t("detail.noLocationsBody")} />
        ) : (
          <Table data-testid="location-tree">
            <THead>
              <tr>
                <Th>{t("detail.cols.code")}</Th>
                <Th>{t("detail.cols.kind")}</Th>
                <Th>{t("detail.cols.name")}</Th>
                <Th>{t("detail.cols.barcode")}</Th>
                <Th className="whitespace-nowrap">{t("detail.cols.coords")}</Th>
                <Th numeric className="whitespace-nowrap">{t("detail.cols.onHand")}</Th>
              </tr>
            </THead>
            <TBody>
              {w.locations.map((l) => (
                <Tr key={l.code} data-testid={`location-row-${l.code}`} className={l.kind === "BIN" ? undefined : "bg-slate-50/50"}>
                  <Td className="whitespace-nowrap">
                    <span className="inline-flex items-center gap-1.5" style={{ paddingLeft: `${l.depth * 1.25}rem` }}>
                      {l.depth > 0 && (
                        <span aria-hidden="true" className="text-slate-300">
                          └
                        </span>
                      )}
                      <span className={l.kind === "BIN" ? "font-mono text-xs" : "font-mono text-xs font-semibold"}>{l.code}</span>
                      {l.isDefault && (
                        <Badge tone="warning" className="ml-1">
                          <span title={t("detail.defaultTitle")}>{t("detail.default")}</span>
                        </Badge>
                      )}
                      {!l.active && <Badge className="ml-1">{t("detail.inactive")}</Badge>}
                    </span>
                  </Td>
                  <Td>
                    <Badge tone={kindTone(l.kind)}>{t(`kinds.${l.kind}`)}</Badge>
                  </Td>
                  <Td className="min-w-[8rem]">{l.name}</Td>
                  <Td className="font-mono text-xs whitespace-nowrap text-slate-600">{l.barcode ?? t("detail.none")}</Td>
                  <Td className="whitespace-nowrap tabular-nums text-slate-600">{coords(l)}</Td>
                  <Td numeric className={l.kind === "BIN" ? undefined : "font-semibold"}>
                    {f.number(l.onHand)}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}
