"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { createChannelApiKeyAction, revokeChannelApiKeyAction } from "../actions";
import { SecretOnce } from "./copy-field";

export type ChannelKeyRow = {
  id: string;
  name: string;
  prefix: string;
  /** Already formatted for the reader's locale. */
  created: string;
  lastUsed: string | null;
  revoked: string | null;
};

/** The channel's API keys: list, create (shown once), revoke (with confirmation). */
export function ChannelKeys({ channelCode, keys }: { channelCode: string; keys: ChannelKeyRow[] }) {
  const t = useTranslations("channels.keys");
  const tc = useTranslations("common");
  const toast = useToast();
  const [pending, start] = useTransition();
  const [confirm, setConfirm] = useState<ChannelKeyRow | null>(null);

  function revoke(k: ChannelKeyRow) {
    start(async () => {
      const res = await revokeChannelApiKeyAction({ id: k.id });
      setConfirm(null);
      if (res.ok) toast(t("revokedToast", { name: k.name }));
      else toast(res.message, "error");
    });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-600">{t("intro", { code: channelCode })}</p>
        <CreateChannelKeyDialog channelCode={channelCode} />
      </div>
      {keys.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("prefix")}</Th>
              <Th>{t("created")}</Th>
              <Th>{t("lastUsed")}</Th>
              <Th>{t("status")}</Th>
              <Th className="text-right">
                <span className="sr-only">{t("actions")}</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {keys.map((k) => (
              <Tr key={k.id} data-testid={`channel-key-row-${k.prefix}`}>
                <Td className="min-w-[8rem] font-medium">{k.name}</Td>
                <Td className="font-mono text-xs whitespace-nowrap">{k.prefix}</Td>
                <Td className="whitespace-nowrap text-slate-600">{k.created}</Td>
                <Td className="whitespace-nowrap text-slate-600">{k.lastUsed ?? t("never")}</Td>
                <Td className="whitespace-nowrap">
                  {k.revoked ? (
                    <span title={t("revokedOn", { date: k.revoked })}>
                      <Badge tone="neutral">{t("revoked")}</Badge>
                    </span>
                  ) : (
                    <Badge tone="success">{t("active")}</Badge>
                  )}
                </Td>
                <Td className="text-right">
                  {!k.revoked && (
                    <Button size="sm" variant="secondary" disabled={pending} onClick={() => setConfirm(k)}>
                      {t("revoke")}
                    </Button>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Dialog open={Boolean(confirm)} onOpenChange={(o) => !o && setConfirm(null)} title={t("revokeTitle", { name: confirm?.name ?? "" })} description={t("revokeBody")}>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirm(null)}>
            {tc("cancel")}
          </Button>
          <Button variant="danger" disabled={pending} onClick={() => confirm && revoke(confirm)}>
            {t("revoke")}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}

function CreateChannelKeyDialog({ channelCode }: { channelCode: string }) {
  const t = useTranslations("channels.keys");
  const tc = useTranslations("common");
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The full key lives only in this state, and only until the dialog closes.
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [pending, start] = useTransition();

  function onOpenChange(o: boolean) {
    setOpen(o);
    if (!o) {
      setError(null);
      setCreated(null);
    }
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("name") ?? "");
    start(async () => {
      const res = await createChannelApiKeyAction({ channelCode, name });
      if (res.ok) {
        setError(null);
        setCreated({ name: res.data.name, key: res.data.key });
        toast(t("createdToast", { name: res.data.name }));
      } else setError(res.fieldErrors?.name ?? res.message);
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={created ? t("createdTitle") : t("new")} trigger={<Button variant="secondary">{t("new")}</Button>}>
      {created ? (
        <SecretOnce id="channel-key-value" label={t("keyLabel")} value={created.key} warning={t("keyWarning")} copiedMessage={t("copied")} onDone={() => onOpenChange(false)} testId="api-key-value" />
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <Field id="channel-key-name" label={t("name")} error={error ?? undefined} hint={t("nameHint")}>
            <Input
              id="channel-key-name"
              name="name"
              autoComplete="off"
              maxLength={80}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? "channel-key-name-error" : "channel-key-name-hint"}
            />
          </Field>
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? tc("loading") : t("create")}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
