import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api/keys";
import { can } from "@/lib/authz";
import { listChannels } from "@/lib/channels/queries";
import { env } from "@/lib/env";
import { getFormatters } from "@/lib/i18n/format";
import { listWarehouseSummaries } from "@/lib/inventory/location-queries";
import { NotAllowed, guardPage } from "../../guard";
import { ChannelForm } from "../_components/channel-form";
import { ChannelKeys, type ChannelKeyRow } from "../_components/channel-keys";
import { CopyField } from "../_components/copy-field";
import { taxLabel, typeLabel } from "../_components/labels";
import { RotateSecret } from "../_components/rotate-secret";
import { rateToPercent } from "../schema";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const t = await getTranslations("channels");
  return { title: `${code} · ${t("title")}` };
}

/** The address channels post to: APP_URL when set, else the origin this page was requested on. */
async function origin(): Promise<string> {
  const configured = env().APP_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function ChannelDetailPage({ params }: { params: Promise<{ code: string }> }) {
  const { user, allowed } = await guardPage("channels.view");
  const t = await getTranslations("channels");
  if (!allowed) return <NotAllowed user={user} />;
  const { code } = await params;
  const manage = can(user.role, "channels.manage");
  const [channels, f] = await Promise.all([listChannels(), getFormatters()]);
  const c = channels.find((x) => x.code === code);
  if (!c) notFound();
  const [warehouses, keys, base] = await Promise.all([listWarehouseSummaries(), manage ? listApiKeys() : Promise.resolve([]), origin()]);
  const names = new Map(warehouses.map((w) => [w.code, w.name]));
  const webhookUrl = `${base}/api/v1/channels/${encodeURIComponent(c.code)}/webhooks`;
  const keyRows: ChannelKeyRow[] = keys
    .filter((k) => k.kind === "CHANNEL" && k.channelCode === c.code)
    .map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, created: f.dateTime(k.createdAt), lastUsed: k.lastUsedAt ? f.dateTime(k.lastUsedAt) : null, revoked: k.revokedAt ? f.dateTime(k.revokedAt) : null }));

  const summary: [string, React.ReactNode][] = [
    [t("cols.type"), typeLabel(t, c.type, c.platform)],
    [t("cols.currency"), c.currency],
    [
      t("cols.warehouses"),
      <ol key="w" className="list-inside list-decimal">
        {c.warehouses.map((w) => (
          <li key={w}>
            <span className="font-mono text-xs">{w}</span> {names.get(w) ?? ""}
          </li>
        ))}
      </ol>,
    ],
    [t("cols.split"), c.allowSplit ? t("splitYes") : t("splitNo")],
    [t("cols.tax"), taxLabel(t, f.locale, c.taxRate, c.pricesIncludeTax)],
    [t("cols.orders"), f.number(c.orders)],
  ];

  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href="/channels" className="text-indigo-700 hover:underline">
          ← {t("detail.back")}
        </Link>
      </nav>
      <PageHeader title={`${c.code} · ${c.name}`} description={typeLabel(t, c.type, c.platform)} />
      {!c.active && (
        <p className="mb-4">
          <Badge>{t("inactive")}</Badge>
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={manage ? t("detail.settings") : t("detail.settingsReadOnly")} className="min-w-0">
          {manage ? (
            <ChannelForm
              mode="edit"
              hasOrders={c.orders > 0}
              initial={{
                code: c.code,
                name: c.name,
                type: c.type,
                platform: c.platform ?? "",
                currency: c.currency,
                warehouses: c.warehouses,
                allowSplit: c.allowSplit,
                taxPercent: rateToPercent(c.taxRate),
                pricesIncludeTax: c.pricesIncludeTax,
              }}
              warehouses={warehouses.map((w) => ({ code: w.code, name: w.name, active: w.active }))}
            />
          ) : (
            <dl className="divide-y divide-slate-100 text-sm" data-testid="channel-summary">
              {summary.map(([label, value]) => (
                <div key={label} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-4">
                  <dt className="font-medium text-slate-600 sm:w-40 sm:shrink-0">{label}</dt>
                  <dd className="min-w-0 text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
        <div className="min-w-0 space-y-6">
          <Card title={t("webhook.title")} actions={manage ? <RotateSecret code={c.code} /> : undefined}>
            <div className="space-y-3 text-sm text-slate-700">
              <p>{t("webhook.intro")}</p>
              <CopyField id="webhook-url" label={t("webhook.url")} value={webhookUrl} copiedMessage={t("webhook.urlCopied")} testId="webhook-url" />
              <p>{t("webhook.signatureIntro")}</p>
              <pre className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs whitespace-pre text-slate-100" data-testid="webhook-signature-format">
                {`${t.raw("webhook.headerLine")}\n${t.raw("webhook.formulaLine")}`}
              </pre>
              <p>{t("webhook.signatureRules")}</p>
              <p className="text-slate-600">{t("webhook.secretStored")}</p>
            </div>
          </Card>
          {manage && (
            <Card title={t("keys.title")}>
              <ChannelKeys channelCode={c.code} keys={keyRows} />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
