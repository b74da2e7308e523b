"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { changeRoleAction, resetPasswordAction, setActiveAction } from "../actions";

type Row = { id: string; email: string; name: string; role: string; active: boolean; created: string };

export function UsersTable({ users, roles, currentUserId }: { users: Row[]; roles: { value: string; label: string }[]; currentUserId: string }) {
  const t = useTranslations();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [confirm, setConfirm] = useState<Row | null>(null);
  const [reset, setReset] = useState<Row | null>(null);
  const [resetError, setResetError] = useState<string | undefined>();
  const roleLabel = (r: string) => roles.find((x) => x.value === r)?.label ?? r;

  function changeRole(u: Row, role: string) {
    start(async () => {
      const res = await changeRoleAction({ userId: u.id, role: role as never });
      if (res.ok) toast(t("users.roleChanged", { role: roleLabel(role) }));
      else toast(res.message, "error");
    });
  }
  function setActive(u: Row, active: boolean) {
    start(async () => {
      const res = await setActiveAction({ userId: u.id, active: active ? "true" : "false" });
      setConfirm(null);
      if (res.ok) toast(t(active ? "users.activated" : "users.deactivated", { email: u.email }));
      else toast(res.message, "error");
    });
  }
  function onReset(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const u = reset!;
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    start(async () => {
      const res = await resetPasswordAction({ userId: u.id, password });
      if (res.ok) {
        setReset(null);
        setResetError(undefined);
        toast(t("users.passwordReset", { email: u.email }));
      } else setResetError(res.fieldErrors?.password ?? res.message);
    });
  }

  return (
    <>
      <Table>
        <THead>
          <tr>
            <Th>{t("users.name")}</Th>
            <Th>{t("users.role")}</Th>
            <Th>{t("users.status")}</Th>
            <Th className="text-right">{t("users.actions")}</Th>
          </tr>
        </THead>
        <TBody>
          {users.map((u) => (
            <Tr key={u.id} data-testid={`user-row-${u.email}`}>
              <Td>
                <div className="font-medium">
                  {u.name} {u.id === currentUserId && <span className="text-xs text-slate-500">({t("users.you")})</span>}
                </div>
                <div className="text-xs text-slate-500">{u.email}</div>
              </Td>
              <Td>
                <label className="sr-only" htmlFor={`role-${u.id}`}>
                  {t("users.changeRole")}
                </label>
                <Select id={`role-${u.id}`} className="min-w-[9rem]" value={u.role} disabled={pending} onChange={(e) => changeRole(u, e.target.value)}>
                  {roles.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.label}
                    </option>
                  ))}
                </Select>
              </Td>
              <Td>{u.active ? <Badge tone="success">{t("users.active")}</Badge> : <Badge tone="neutral">{t("users.inactive")}</Badge>}</Td>
              <Td className="text-right">
                <div className="flex justify-end gap-2">
                  <Button size="sm" variant="secondary" onClick={() => setReset(u)}>
                    {t("users.resetPassword")}
                  </Button>
                  {u.active ? (
                    <Button size="sm" variant="secondary" disabled={u.id === currentUserId} onClick={() => setConfirm(u)}>
                      {t("users.deactivate")}
                    </Button>
                  ) : (
                    <Button size="sm" variant="secondary" onClick={() => setActive(u, true)}>
                      {t("users.activate")}
                    </Button>
                  )}
                </div>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <Dialog open={Boolean(confirm)} onOpenChange={(o) => !o && setConfirm(null)} title={t("users.deactivateTitle", { email: confirm?.email ?? "" })} description={t("users.deactivateBody")}>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirm(null)}>
            {t("common.cancel")}
          </Button>
          <Button variant="danger" disabled={pending} onClick={() => confirm && setActive(confirm, false)}>
            {t("users.deactivate")}
          </Button>
        </div>
      </Dialog>
      <Dialog open={Boolean(reset)} onOpenChange={(o) => !o && setReset(null)} title={t("users.resetTitle", { email: reset?.email ?? "" })} description={t("users.resetBody")}>
        <form onSubmit={onReset} noValidate className="space-y-4">
          <Field id="reset-password" label={t("users.password")} error={resetError} hint={t("users.passwordHint")}>
            <Input id="reset-password" name="password" type="password" autoComplete="new-password" aria-invalid={Boolean(resetError)} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setReset(null)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {t("users.resetPassword")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
