import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { runIntegrityChecks } from "@/lib/integrity/checks";
import { NotAllowed, guardPage } from "../../guard";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("health"))("title") };
}

export default async function HealthPage() {
  const { user, allowed } = await guardPage("system.health");
  const t = await getTranslations("health");
  if (!allowed) return <NotAllowed user={user} />;
  const report = await runIntegrityChecks();
  const total = report.violations.length;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <p className={`mb-4 rounded-md p-3 text-sm ${total ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800"}`} data-testid="integrity-summary">
        {total ? t("problems", { violations: total, checks: report.checks.length }) : t("allGood", { checks: report.checks.length })}
      </p>
      <Table>
        <THead>
          <tr>
            <Th>{t("check")}</Th>
            <Th>{t("result")}</Th>
          </tr>
        </THead>
        <TBody>
          {report.checks.map((c) => (
            <Tr key={c.name}>
              <Td>
                <div className="font-mono text-xs">{c.name}</div>
                <div className="text-slate-600">{c.description}</div>
                {report.violations
                  .filter((v) => v.check === c.name)
                  .slice(0, 20)
                  .map((v, i) => (
                    <div key={i} className="mt-1 text-xs text-red-700">
                      {v.detail}
                    </div>
                  ))}
              </Td>
              <Td>
                <Badge tone={c.violations ? "danger" : "success"}>{t("violations", { count: c.violations })}</Badge>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </>
  );
}
