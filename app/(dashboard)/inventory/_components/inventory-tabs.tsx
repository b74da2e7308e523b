import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

const TABS = [
  { key: "products", href: "/inventory" },
  { key: "lowStock", href: "/inventory/low-stock" },
  { key: "alerts", href: "/inventory/alerts" },
  { key: "valuation", href: "/inventory/valuation" },
  { key: "asOf", href: "/inventory/as-of" },
] as const;

export async function InventoryTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  const t = await getTranslations("inventory.tabs");
  return (
    <nav aria-label={t("label")} className="mb-5 flex gap-1 overflow-x-auto border-b border-slate-200">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
            tab.key === current ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
