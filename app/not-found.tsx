import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <EmptyState title={t("notFoundTitle")} body={t("notFoundBody")} action={<Link className="text-sm font-medium text-indigo-600 hover:underline" href="/">{t("backToDashboard")}</Link>} />
    </main>
  );
}
