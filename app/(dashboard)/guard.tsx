import "server-only";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { currentUser, type SessionUser } from "@/lib/auth";
import { can, type Permission } from "@/lib/authz";
import { EmptyState } from "@/components/ui/empty-state";

/** Page-level access check (every page calls it, not only the layout). */
export async function guardPage(permission: Permission): Promise<{ user: SessionUser; allowed: boolean }> {
  const user = await currentUser();
  if (!user) redirect("/login?ended=1");
  return { user, allowed: can(user.role, permission) };
}

export async function NotAllowed({ user }: { user: SessionUser }) {
  const t = await getTranslations();
  return <EmptyState title={t("common.notAllowedTitle")} body={t("common.notAllowedBody", { role: t(`roles.${user.role}`) })} />;
}
