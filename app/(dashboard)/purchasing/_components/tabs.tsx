import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

const TABS = [
  { key: "orders", href: "/purchasing" },
  { key: "replenishment", href: "/purchasing/replenishment" },
  { key: "suppliers", href: "/purchasing/suppliers" },
  { key: "receive", href: "/purchasing/receive" },
  { key: "putaway", href: "/purchasing/putaway" },
] as const;

export async function PurchasingTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  const t = await getTranslations("purchasing.tabs");
  return (
    <nav aria-label={t("label")} className="mb-5 flex gap-1 overflow-x-auto border-b border-slate-200">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={cn("-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap", tab.key === current ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900")}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
