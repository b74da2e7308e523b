"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { rotateWebhookSecretAction } from "../actions";
import { SecretOnce } from "./copy-field";

/** Confirm, rotate, and show the new secret once. */
export function RotateSecret({ code }: { code: string }) {
  const t = useTranslations("channels");
  const tc = useTranslations("common");
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function onOpenChange(o: boolean) {
    setOpen(o);
    if (!o) {
      setSecret(null);
      setMessage(null);
    }
  }

  function rotate() {
    start(async () => {
      const res = await rotateWebhookSecretAction({ code });
      if (res.ok) {
        setMessage(null);
        setSecret(res.data.webhookSecret);
        toast(t("webhook.rotatedToast", { code }));
      } else setMessage(res.message);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={secret ? t("webhook.newSecretTitle") : t("webhook.rotateTitle", { code })}
      description={secret ? undefined : t("webhook.rotateBody")}
      trigger={<Button variant="secondary">{t("webhook.rotate")}</Button>}
    >
      {secret ? (
        <SecretOnce
          id="rotated-secret-value"
          label={t("webhook.secretLabel")}
          value={secret}
          warning={t("webhook.secretWarning")}
          copiedMessage={t("webhook.copied")}
          onDone={() => onOpenChange(false)}
          testId="webhook-secret-value"
        />
      ) : (
        <div className="space-y-3">
          {message && <p className="text-sm text-red-600">{message}</p>}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              {tc("cancel")}
            </Button>
            <Button variant="danger" disabled={pending} onClick={rotate}>
              {pending ? tc("loading") : t("webhook.rotateConfirm")}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
