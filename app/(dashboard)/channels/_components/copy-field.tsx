"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";

/** A read-only value with a copy button (secrets shown once, the webhook URL). */
export function CopyField({ id, label, value, copiedMessage, testId }: { id: string; label: string; value: string; copiedMessage: string; testId?: string }) {
  const t = useTranslations("channels");
  const toast = useToast();

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      toast(copiedMessage);
    } catch {
      toast(t("copyFailed"), "error");
    }
  }

  return (
    <Field id={id} label={label}>
      <div className="flex gap-2">
        <Input
          id={id}
          readOnly
          value={value}
          className="min-w-0 flex-1 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
          autoComplete="off"
          data-testid={testId}
        />
        <Button variant="secondary" onClick={copy} aria-label={t("copyLabel", { label })}>
          {t("copy")}
        </Button>
      </div>
    </Field>
  );
}

/** A secret shown this once: the warning, the value with a copy button, and Done. */
export function SecretOnce({ id, label, value, warning, copiedMessage, onDone, testId }: { id: string; label: string; value: string; warning: string; copiedMessage: string; onDone: () => void; testId?: string }) {
  const t = useTranslations("channels");
  return (
    <div className="space-y-4">
      <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-600/20">
        {warning}
      </p>
      <CopyField id={id} label={label} value={value} copiedMessage={copiedMessage} testId={testId} />
      <div className="flex justify-end pt-2">
        <Button onClick={onDone}>{t("done")}</Button>
      </div>
    </div>
  );
}
