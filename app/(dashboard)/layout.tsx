import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth";
import { can } from "@/lib/authz";
import { AppShell } from "@/components/layout/app-shell";
import { ToastProvider } from "@/components/ui/toast";
import { NAV } from "./nav";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login?ended=1");
  const t = await getTranslations();
  const items = NAV.filter((n) => can(user.role, n.permission)).map((n) => ({ key: n.key, href: n.href, label: t(`nav.${n.key}`) }));
  return (
    <ToastProvider closeLabel={t("common.close")}>
      <AppShell
        items={items}
        user={{ name: user.name, email: user.email, role: t(`roles.${user.role}`) }}
        labels={{
          app: t("common.appName"),
          openMenu: t("nav.openMenu"),
          closeMenu: t("nav.closeMenu"),
          mainNavigation: t("nav.mainNavigation"),
          signOut: t("nav.signOut"),
          skipToContent: t("common.skipToContent"),
        }}
      >
        {children}
      </AppShell>
    </ToastProvider>
  );
}
