"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { createUserAction } from "../actions";

export function CreateUserDialog({ roles }: { roles: { value: string; label: string }[] }) {
  const t = useTranslations();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    start(async () => {
      const res = await createUserAction(fd);
      if (res.ok) {
        setOpen(false);
        setErrors({});
        setMessage(null);
        toast(t("users.created", { email: res.data.email }));
      } else {
        setErrors(res.fieldErrors ?? {});
        setMessage(res.message);
      }
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setErrors({});
      }}
      title={t("users.new")}
      trigger={<Button>{t("users.new")}</Button>}
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field id="new-email" label={t("users.email")} error={errors.email}>
          <Input id="new-email" name="email" type="email" autoComplete="off" aria-invalid={Boolean(errors.email)} />
        </Field>
        <Field id="new-name" label={t("users.name")} error={errors.name}>
          <Input id="new-name" name="name" autoComplete="off" aria-invalid={Boolean(errors.name)} />
        </Field>
        <Field id="new-role" label={t("users.role")} error={errors.role}>
          <Select id="new-role" name="role" defaultValue="VIEWER">
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="new-password" label={t("users.password")} error={errors.password} hint={t("users.passwordHint")}>
          <Input id="new-password" name="password" type="password" autoComplete="new-password" aria-invalid={Boolean(errors.password)} />
        </Field>
        {message && !Object.keys(errors).length && <p className="text-sm text-red-600">{message}</p>}
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? t("common.loading") : t("users.create")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
