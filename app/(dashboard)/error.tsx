"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("common");
  return <EmptyState title={t("errorTitle")} body={t("errorBody")} action={<Button onClick={reset}>{t("retry")}</Button>} />;
}
