"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { createApiKeyAction } from "../actions";

export function CreateApiKeyDialog() {
  const t = useTranslations();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  // The full key lives only in this state, and only until the dialog closes.
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [pending, start] = useTransition();

  function onOpenChange(o: boolean) {
    setOpen(o);
    if (!o) {
      setErrors({});
      setMessage(null);
      setCreated(null);
    }
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    start(async () => {
      const res = await createApiKeyAction(fd);
      if (res.ok) {
        setErrors({});
        setMessage(null);
        setCreated({ name: res.data.name, key: res.data.key });
        toast(t("apiKeys.createdToast", { name: res.data.name }));
      } else {
        setErrors(res.fieldErrors ?? {});
        setMessage(res.message);
      }
    });
  }

  async function copy(key: string) {
    try {
      await navigator.clipboard.writeText(key);
      toast(t("apiKeys.copied"));
    } catch {
      toast(t("apiKeys.copyFailed"), "error");
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={created ? t("apiKeys.createdTitle") : t("apiKeys.new")} trigger={<Button>{t("apiKeys.new")}</Button>}>
      {created ? (
        <div className="space-y-4">
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-600/20">
            {t("apiKeys.keyWarning")}
          </p>
          <Field id="api-key-value" label={t("apiKeys.keyLabel")}>
            <div className="flex gap-2">
              <Input
                id="api-key-value"
                readOnly
                value={created.key}
                className="min-w-0 flex-1 font-mono text-xs"
                onFocus={(e) => e.currentTarget.select()}
                spellCheck={false}
                autoComplete="off"
                data-testid="api-key-value"
              />
              <Button variant="secondary" onClick={() => copy(created.key)}>
                {t("apiKeys.copy")}
              </Button>
            </div>
          </Field>
          <div className="flex justify-end pt-2">
            <Button onClick={() => onOpenChange(false)}>{t("apiKeys.done")}</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <Field id="api-key-name" label={t("apiKeys.name")} error={errors.name} hint={t("apiKeys.nameHint")}>
            <Input
              id="api-key-name"
              name="name"
              autoComplete="off"
              maxLength={80}
              aria-invalid={Boolean(errors.name)}
              aria-describedby={errors.name ? "api-key-name-error" : "api-key-name-hint"}
            />
          </Field>
          <Field id="api-key-kind" label={t("apiKeys.kind")} hint={t("apiKeys.kindHint")}>
            {/* Not submitted: the action creates admin keys only until channels exist. */}
            <Select id="api-key-kind" defaultValue="ADMIN" disabled aria-describedby="api-key-kind-hint">
              <option value="ADMIN">{t("apiKeys.kinds.ADMIN")}</option>
            </Select>
          </Field>
          {message && !errors.name && <p className="text-sm text-red-600">{message}</p>}
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("common.loading") : t("apiKeys.create")}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
