import "server-only";
import { transaction } from "../db";
import { ensureChartOfAccounts } from "../accounting/service";
import { ensureVirtualLocations } from "../inventory/locations";

/** Data every database needs, demo or not: the chart of accounts, the virtual stock locations and company settings. Idempotent. */
export async function seedBase(): Promise<void> {
  await transaction(async (tx) => {
    await ensureChartOfAccounts(tx);
    await ensureVirtualLocations(tx);
    await tx.setting.upsert({
      where: { key: "company" },
      create: { key: "company", value: { name: "Quartermaster Demo Co.", currency: "USD" } },
      update: {},
    });
  });
}
