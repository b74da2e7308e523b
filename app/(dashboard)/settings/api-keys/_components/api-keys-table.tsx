"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { revokeApiKeyAction } from "../actions";

export type ApiKeyRow = {
  id: string;
  name: string;
  /** Already translated: "Admin" or "Channel WEB". */
  kind: string;
  prefix: string;
  created: string;
  lastUsed: string | null;
  revoked: string | null;
};

export function ApiKeysTable({ keys }: { keys: ApiKeyRow[] }) {
  const t = useTranslations();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [confirm, setConfirm] = useState<ApiKeyRow | null>(null);

  function revoke(k: ApiKeyRow) {
    start(async () => {
      const res = await revokeApiKeyAction({ id: k.id });
      setConfirm(null);
      if (res.ok) toast(t("apiKeys.revokedToast", { name: k.name }));
      else toast(res.message, "error");
    });
  }

  return (
    <>
      <Table>
        <THead>
          <tr>
            <Th>{t("apiKeys.name")}</Th>
            <Th>{t("apiKeys.kind")}</Th>
            <Th>{t("apiKeys.prefix")}</Th>
            <Th>{t("apiKeys.createdAt")}</Th>
            <Th>{t("apiKeys.lastUsed")}</Th>
            <Th>{t("apiKeys.status")}</Th>
            <Th className="text-right">{t("apiKeys.actions")}</Th>
          </tr>
        </THead>
        <TBody>
          {keys.map((k) => (
            <Tr key={k.id} data-testid={`api-key-row-${k.prefix}`}>
              <Td className="min-w-[9rem] font-medium">{k.name}</Td>
              <Td className="whitespace-nowrap">{k.kind}</Td>
              <Td className="font-mono text-xs whitespace-nowrap">{k.prefix}</Td>
              <Td className="whitespace-nowrap text-slate-600">{k.created}</Td>
              <Td className="whitespace-nowrap text-slate-600">{k.lastUsed ?? t("apiKeys.never")}</Td>
              <Td className="whitespace-nowrap">
                {k.revoked ? (
                  <span title={t("apiKeys.revokedOn", { date: k.revoked })}>
                    <Badge tone="neutral">{t("apiKeys.revoked")}</Badge>
                  </span>
                ) : (
                  <Badge tone="success">{t("apiKeys.active")}</Badge>
                )}
              </Td>
              <Td className="text-right">
                {!k.revoked && (
                  <Button size="sm" variant="secondary" disabled={pending} onClick={() => setConfirm(k)}>
                    {t("apiKeys.revoke")}
                  </Button>
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <Dialog open={Boolean(confirm)} onOpenChange={(o) => !o && setConfirm(null)} title={t("apiKeys.revokeTitle", { name: confirm?.name ?? "" })} description={t("apiKeys.revokeBody")}>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirm(null)}>
            {t("common.cancel")}
          </Button>
          <Button variant="danger" disabled={pending} onClick={() => confirm && revoke(confirm)}>
            {t("apiKeys.revoke")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
