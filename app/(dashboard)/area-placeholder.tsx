import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Icon } from "@/components/layout/icons";
import type { Permission } from "@/lib/authz";
import { NotAllowed, guardPage } from "./guard";

/** An area that is not built yet: an honest empty state, never made-up numbers. */
export async function AreaPlaceholder({ area, permission }: { area: "purchasing"; permission: Permission }) {
  const { user, allowed } = await guardPage(permission);
  const t = await getTranslations(`areas.${area}`);
  return (
    <>
      <PageHeader title={t("title")} />
      {allowed ? <EmptyState icon={<Icon name={area} className="h-10 w-10" />} title={t("emptyTitle")} body={t("emptyBody")} /> : <NotAllowed user={user} />}
    </>
  );
}
