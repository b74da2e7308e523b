import "server-only";
import { randomBytes } from "node:crypto";
import { db, transaction } from "../db";
import { postJournalEntry } from "../accounting/service";
import { seedBase } from "./base";
import { seedDemoInventory } from "./demo-inventory";
import { seedDemoOrders } from "./demo-orders";
import { seedDemoFulfilment } from "./demo-fulfilment";
import { seedDemoPurchasing } from "./demo-purchasing";
import { hashPassword } from "../auth/password";
import { SYSTEM_ACTOR, recordAudit } from "../audit/service";
import type { RoleName } from "../authz";

export const DEMO_PASSWORD = "demo-password";
export const DEMO_USERS: { email: string; name: string; role: RoleName }[] = [
  { email: "admin@example.com", name: "Ada Admin", role: "ADMIN" },
  { email: "manager@example.com", name: "Max Manager", role: "MANAGER" },
  { email: "warehouse@example.com", name: "Wes Warehouse", role: "WAREHOUSE" },
  { email: "accountant@example.com", name: "Alex Accountant", role: "ACCOUNTANT" },
  { email: "viewer@example.com", name: "Vic Viewer", role: "VIEWER" },
];

export type SeedResult = { seeded: "demo" | "admin" | "none"; adminPassword?: string };

/**
 * Base data every database needs (chart of accounts, settings), then — only into an empty
 * database — the demo company, or with DEMO=0 a single admin with a generated password.
 */
export async function seed(opts: { demo: boolean }): Promise<SeedResult> {
  await seedBase();
  if ((await db().user.count()) > 0) return { seeded: "none" };
  if (!opts.demo) {
    const password = randomBytes(12).toString("base64url");
    const passwordHash = await hashPassword(password);
    await transaction(async (tx) => {
      const u = await tx.user.create({ data: { email: "admin@example.com", name: "Administrator", role: "ADMIN", passwordHash } });
      await recordAudit(tx, { actor: SYSTEM_ACTOR, action: "user.create", entityType: "User", entityId: u.id, after: { email: u.email, role: u.role } });
    });
    return { seeded: "admin", adminPassword: password };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      const created = await tx.user.create({ data: { ...u, passwordHash } });
      await recordAudit(tx, { actor: SYSTEM_ACTOR, action: "user.create", entityType: "User", entityId: created.id, after: { email: u.email, role: u.role } });
    }
    await postJournalEntry(tx, SYSTEM_ACTOR, {
      sourceType: "Seed",
      sourceId: "opening-balance",
      kind: "opening",
      memo: "Opening balance: owner's capital paid into the bank",
      currency: "USD",
      lines: [
        { account: "cash", debit: 50_000_00n },
        { account: "owner_equity", credit: 50_000_00n },
      ],
    });
  }, { timeoutMs: 60_000 });
  await seedDemoInventory();
  await seedDemoOrders();
  await seedDemoFulfilment();
  await seedDemoPurchasing();
  return { seeded: "demo" };
}
