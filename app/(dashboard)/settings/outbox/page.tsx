import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { listOutbox } from "@/lib/alerts/service";
import { env } from "@/lib/env";
import { getFormatters } from "@/lib/i18n/format";
import { NotAllowed, guardPage } from "../../guard";
import { RetryButton } from "./retry-button";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.outbox"))("title") };
}

export default async function OutboxPage() {
  const { user, allowed } = await guardPage("system.health");
  const t = await getTranslations("settings.outbox");
  if (!allowed) return <NotAllowed user={user} />;
  const [rows, f] = await Promise.all([listOutbox(), getFormatters()]);
  const tone = { PENDING: "warning", SENDING: "info", SENT: "success" } as const;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {!env().SMTP_URL && <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-600/20" data-testid="no-smtp">{t("noSmtp")}</p>}
      {rows.length === 0 ? (
        <EmptyState title={t("title")} body={t("empty")} />
      ) : (
        <Table data-testid="outbox">
          <THead>
            <tr>
              <Th numeric>{t("cols.id")}</Th>
              <Th>{t("cols.to")}</Th>
              <Th>{t("cols.kind")}</Th>
              <Th>{t("cols.status")}</Th>
              <Th numeric>{t("cols.attempts")}</Th>
              <Th>{t("cols.next")}</Th>
              <Th>{t("cols.error")}</Th>
              <Th />
            </tr>
          </THead>
          <TBody>
            {rows.map((m) => (
              <Tr key={m.id.toString()}>
                <Td numeric>{m.id.toString()}</Td>
                <Td className="whitespace-nowrap">{m.toEmail}</Td>
                <Td className="whitespace-nowrap">{t(`kinds.${m.kind as "low_stock"}`)}</Td>
                <Td>
                  <Badge tone={tone[m.status]}>{t(`status.${m.status}`)}</Badge>
                </Td>
                <Td numeric>{f.number(m.attempts)}</Td>
                <Td className="whitespace-nowrap text-slate-600">{m.status === "SENT" ? (m.sentAt ? f.dateTime(m.sentAt) : "") : f.dateTime(m.nextAttemptAt)}</Td>
                <Td className="max-w-[16rem] truncate text-xs text-red-700" title={m.lastError ?? undefined}>
                  {m.lastError}
                </Td>
                <Td>{m.status !== "SENT" && <RetryButton id={m.id.toString()} label={t("retry")} done={t("retried", { id: m.id.toString() })} />}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
