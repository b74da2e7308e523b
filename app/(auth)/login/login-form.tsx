"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const email = String(fd.get("email") ?? "").trim();
    const password = String(fd.get("password") ?? "");
    const fe = { email: email ? undefined : t("emailRequired"), password: password ? undefined : t("passwordRequired") };
    setFieldErrors(fe);
    setError(null);
    if (fe.email || fe.password) return;
    setPending(true);
    const res = await signIn("credentials", { email, password, redirect: false });
    if (res?.ok && !res.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(res?.error === "throttled" ? t("throttled") : t("invalid"));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field id="email" label={t("email")} error={fieldErrors.email}>
        <Input id="email" name="email" type="email" autoComplete="username" autoFocus aria-invalid={Boolean(fieldErrors.email)} />
      </Field>
      <Field id="password" label={t("password")} error={fieldErrors.password}>
        <Input id="password" name="password" type="password" autoComplete="current-password" aria-invalid={Boolean(fieldErrors.password)} />
      </Field>
      {error && (
        <p className="rounded-md bg-red-50 p-3 text-sm text-red-700" data-testid="login-error">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
