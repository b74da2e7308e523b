import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { manualEntryChannels } from "@/lib/orders/list-queries";
import { NotAllowed, guardPage } from "../../guard";
import { ManualOrderForm } from "../_components/manual-order-form";

export async function generateMetadata() {
  return { title: (await getTranslations("orders"))("new.title") };
}

export default async function NewOrderPage() {
  const { user, allowed } = await guardPage("orders.manage");
  const t = await getTranslations("orders.new");
  if (!allowed) return <NotAllowed user={user} />;
  const { channels, defaultCode } = await manualEntryChannels();
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} description={t("description")} />
      {channels.length === 0 || !defaultCode ? (
        <EmptyState title={t("noChannelsTitle")} body={t("noChannelsBody")} />
      ) : (
        <ManualOrderForm channels={channels} defaultChannel={defaultCode} />
      )}
    </div>
  );
}
