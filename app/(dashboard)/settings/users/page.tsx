import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { ROLES } from "@/lib/authz";
import { getFormatters } from "@/lib/i18n/format";
import { listUsers } from "@/lib/users/queries";
import { NotAllowed, guardPage } from "../../guard";
import { CreateUserDialog } from "./_components/create-user-dialog";
import { UsersTable } from "./_components/users-table";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const { user, allowed } = await guardPage("users.manage");
  const t = await getTranslations();
  if (!allowed) return <NotAllowed user={user} />;
  const [users, f] = await Promise.all([listUsers(), getFormatters()]);
  const roles = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  return (
    <>
      <PageHeader title={t("users.title")} actions={<CreateUserDialog roles={roles} />} />
      <UsersTable users={users.map((u) => ({ ...u, created: f.date(u.createdAt) }))} roles={roles} currentUserId={user.id} />
    </>
  );
}
