import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api/keys";
import { getFormatters } from "@/lib/i18n/format";
import { NotAllowed, guardPage } from "../../guard";
import { ApiKeysTable, type ApiKeyRow } from "./_components/api-keys-table";
import { CreateApiKeyDialog } from "./_components/create-api-key-dialog";

export async function generateMetadata() {
  return { title: (await getTranslations("apiKeys"))("title") };
}

export default async function ApiKeysPage() {
  const { user, allowed } = await guardPage("api_keys.manage");
  const t = await getTranslations("apiKeys");
  if (!allowed) return <NotAllowed user={user} />;
  const [keys, f] = await Promise.all([listApiKeys(), getFormatters()]);
  const kindLabel = (k: { kind: "ADMIN" | "CHANNEL"; channelCode: string | null }) => {
    switch (k.kind) {
      case "ADMIN":
        return t("kinds.ADMIN");
      case "CHANNEL":
        return k.channelCode ? t("channelKind", { channel: k.channelCode }) : t("kinds.CHANNEL");
    }
  };
  const rows: ApiKeyRow[] = keys.map((k) => ({
    id: k.id,
    name: k.name,
    kind: kindLabel(k),
    prefix: k.prefix,
    created: f.dateTime(k.createdAt),
    lastUsed: k.lastUsedAt ? f.dateTime(k.lastUsedAt) : null,
    revoked: k.revokedAt ? f.dateTime(k.revokedAt) : null,
  }));
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} actions={<CreateApiKeyDialog />} />
      {rows.length === 0 ? <EmptyState title={t("emptyTitle")} body={t("emptyBody")} /> : <ApiKeysTable keys={rows} />}
    </>
  );
}
