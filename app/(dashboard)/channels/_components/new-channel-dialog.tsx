"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ChannelForm, EMPTY_CHANNEL } from "./channel-form";
import { SecretOnce } from "./copy-field";
import type { WarehouseOption } from "./warehouse-order";

export function NewChannelDialog({ warehouses, defaultCurrency }: { warehouses: WarehouseOption[]; defaultCurrency: string }) {
  const t = useTranslations("channels");
  const [open, setOpen] = useState(false);
  // The webhook secret lives only in this state, and only until the dialog closes.
  const [created, setCreated] = useState<{ code: string; name: string; webhookSecret: string } | null>(null);
  // A fresh form each time the dialog opens.
  const [formKey, setFormKey] = useState(0);

  function onOpenChange(o: boolean) {
    setOpen(o);
    if (!o) {
      setCreated(null);
      setFormKey((k) => k + 1);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={created ? t("createdTitle", { code: created.code }) : t("new")}
      trigger={<Button>{t("new")}</Button>}
    >
      {created ? (
        <div className="space-y-3">
          <SecretOnce
            id="webhook-secret-value"
            label={t("webhook.secretLabel")}
            value={created.webhookSecret}
            warning={t("webhook.secretWarning")}
            copiedMessage={t("webhook.copied")}
            onDone={() => onOpenChange(false)}
            testId="webhook-secret-value"
          />
          <p className="text-sm text-slate-600">
            {t.rich("createdNext", {
              link: (chunks) => (
                <Link className="font-medium text-indigo-700 hover:underline" href={`/channels/${encodeURIComponent(created.code)}`}>
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </div>
      ) : (
        <ChannelForm key={formKey} mode="create" initial={{ ...EMPTY_CHANNEL, currency: defaultCurrency }} warehouses={warehouses} onCreated={setCreated} onCancel={() => onOpenChange(false)} />
      )}
    </Dialog>
  );
}
