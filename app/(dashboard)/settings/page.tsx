import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/authz";
import { alertSubscriptionsOf } from "@/lib/alerts/service";
import { NotAllowed, guardPage } from "../guard";
import { AlertSubscriptionsForm } from "./_components/alert-subscriptions-form";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const { user, allowed } = await guardPage("settings.view");
  const t = await getTranslations();
  if (!allowed) return <NotAllowed user={user} />;
  const links = [
    { href: "/settings/users", title: t("settings.usersCard"), body: t("settings.usersCardBody"), show: can(user.role, "users.manage") },
    { href: "/settings/audit", title: t("settings.auditCard"), body: t("settings.auditCardBody"), show: can(user.role, "audit.view") },
    { href: "/settings/health", title: t("settings.healthCard"), body: t("settings.healthCardBody"), show: can(user.role, "system.health") },
    { href: "/settings/outbox", title: t("settings.outboxCard"), body: t("settings.outboxCardBody"), show: can(user.role, "system.health") },
    { href: "/settings/api-keys", title: t("settings.apiKeysCard"), body: t("settings.apiKeysCardBody"), show: can(user.role, "api_keys.manage") },
  ].filter((l) => l.show);
  return (
    <>
      <PageHeader title={t("settings.title")} description={t("settings.intro")} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Card title={t("settings.profileTitle")}>
          <p className="text-sm text-slate-600">{t("settings.profileBody", { email: user.email, role: t(`roles.${user.role}`) })}</p>
        </Card>
        <Card title={t("settings.alertsTitle")}>
          <AlertSubscriptionsForm warehouses={await alertSubscriptionsOf(user.id)} />
        </Card>
        {links.map((l) => (
          <Link key={l.href} href={l.href} className="block rounded-lg focus-visible:outline-2 focus-visible:outline-indigo-500">
            <Card title={l.title} className="h-full hover:ring-indigo-300">
              <p className="text-sm text-slate-600">{l.body}</p>
            </Card>
          </Link>
        ))}
      </div>
    </>
  );
}
