import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { runAsUser } from "@/lib/auth";
import { authenticateApiKey, hashKey } from "@/lib/api/keys";
import { channelSecret } from "@/lib/channels/service";
import { signPayload, verifySignature } from "@/lib/orders/webhooks";
import {
  createChannelAction,
  createChannelApiKeyAction,
  revokeChannelApiKeyAction,
  rotateWebhookSecretAction,
  updateChannelAction,
} from "@/app/(dashboard)/channels/actions";
import { percentToRate, rateToPercent, type ChannelFormInput } from "@/app/(dashboard)/channels/schema";
import { makeUser } from "./helpers";
import { makeWarehouse } from "./inventory-helpers";

const code = () => `C${randomUUID().slice(0, 6).toUpperCase()}`;
let W1 = "";
let W2 = "";

beforeAll(async () => {
  W1 = await makeWarehouse();
  W2 = await makeWarehouse();
});

const form = (over: Partial<ChannelFormInput> = {}): ChannelFormInput => ({
  code: code(),
  name: "Test shop",
  type: "webshop",
  currency: "USD",
  warehouses: [W2, W1],
  allowSplit: true,
  taxPercent: "8.25",
  pricesIncludeTax: false,
  ...over,
});

async function secretOf(c: string) {
  const s = await transaction((tx) => channelSecret(tx, c));
  if (!s) throw new Error(`no secret for ${c}`);
  return s.secret;
}

async function channelRow(c: string) {
  return db().channel.findUniqueOrThrow({ where: { code: c }, include: { warehouses: { orderBy: { priority: "asc" } } } });
}

async function warehouseCodes(c: string) {
  const row = await channelRow(c);
  const ws = await db().warehouse.findMany({ where: { id: { in: row.warehouses.map((w) => w.warehouseId) } } });
  return row.warehouses.map((cw) => ws.find((w) => w.id === cw.warehouseId)!.code);
}

describe("tax percentage ↔ rate, exactly on the string", () => {
  it("converts percentages and back", () => {
    expect(percentToRate("8.25")).toBe("0.0825");
    expect(percentToRate("12.5")).toBe("0.125");
    expect(percentToRate("0")).toBe("0");
    expect(percentToRate("10")).toBe("0.1");
    expect(percentToRate("7")).toBe("0.07");
    expect(percentToRate("99.9999")).toBe("0.999999");
    expect(percentToRate(" 8,25 % ")).toBe("0.0825");
    for (const bad of ["abc", "101", "100", "-1", "", "8.12345", "1e2", "0x10"]) expect(percentToRate(bad), bad).toBeNull();
    expect(rateToPercent("0.0825")).toBe("8.25");
    expect(rateToPercent("0.082500")).toBe("8.25");
    expect(rateToPercent("0.125")).toBe("12.5");
    expect(rateToPercent("0")).toBe("0");
    expect(rateToPercent("0.1")).toBe("10");
  });
});

describe("channels through the server actions", () => {
  it("lets an ADMIN create a channel; the webhook secret is returned once and stored encrypted", async () => {
    const admin = await makeUser("ADMIN");
    const input = form({ code: code().toLowerCase(), type: "marketplace", platform: "amazon", allowSplit: false });
    const res = await runAsUser(admin.id, () => createChannelAction(input));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const c = input.code.toUpperCase();
    expect(res.data).toMatchObject({ code: c, name: "Test shop" });
    const { webhookSecret } = res.data;
    expect(webhookSecret).toMatch(/^whsec_[A-Za-z0-9_-]{20,}$/);

    const row = await channelRow(c);
    expect(row).toMatchObject({ type: "MARKETPLACE", platform: "amazon", currency: "USD", allowSplit: false, pricesIncludeTax: false });
    expect(row.taxRate.toString()).toBe("0.0825");
    expect(await warehouseCodes(c)).toEqual([W2, W1]);
    // Only ciphertext in the database, and not in the audit log either.
    expect(row.webhookSecretEnc).not.toContain(webhookSecret);
    expect(row.webhookSecretEnc).not.toContain(webhookSecret.slice(6));
    const [raw] = await db().$queryRaw<{ enc: string }[]>`SELECT webhook_secret_enc AS enc FROM channels WHERE code = ${c}`;
    expect(raw!.enc.startsWith("v1.")).toBe(true);
    expect(raw!.enc).not.toContain(webhookSecret.slice(6));
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: row.id, action: "channel.create" } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(webhookSecret.slice(6));
    expect(audit.actorId).toBe(admin.id);
    // The stored secret is the one shown.
    expect(await secretOf(c)).toBe(webhookSecret);
  });

  it("stores the tax percentage as an exact rate and refuses what is not a percentage", async () => {
    const admin = await makeUser("ADMIN");
    for (const [percent, rate] of [
      ["8.25", "0.0825"],
      ["0", "0"],
      ["12.5", "0.125"],
    ] as const) {
      const c = code();
      const res = await runAsUser(admin.id, () => createChannelAction(form({ code: c, taxPercent: percent, pricesIncludeTax: percent === "12.5" })));
      expect(res, percent).toMatchObject({ ok: true });
      const row = await channelRow(c);
      expect(row.taxRate.toString()).toBe(rate);
      expect(row.pricesIncludeTax).toBe(percent === "12.5");
    }
    const before = await db().channel.count();
    for (const bad of ["abc", "101"]) {
      const res = await runAsUser(admin.id, () => createChannelAction(form({ taxPercent: bad })));
      expect(res, bad).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { taxPercent: expect.any(String) } });
    }
    expect(await db().channel.count()).toBe(before);
  });

  it("reports a duplicate code, an unknown warehouse and other invalid input on their fields", async () => {
    const admin = await makeUser("ADMIN");
    const c = code();
    expect(await runAsUser(admin.id, () => createChannelAction(form({ code: c })))).toMatchObject({ ok: true });
    const before = await db().channel.count();
    expect(await runAsUser(admin.id, () => createChannelAction(form({ code: c, name: "Again" })))).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { code: "Already in use" } });
    expect(await runAsUser(admin.id, () => createChannelAction(form({ warehouses: [W1, "NO-SUCH-WH"] })))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { warehouses: expect.stringContaining("NO-SUCH-WH") } });
    expect(await runAsUser(admin.id, () => createChannelAction(form({ warehouses: [] })))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { warehouses: expect.any(String) } });
    expect(await runAsUser(admin.id, () => createChannelAction(form({ warehouses: [W1, W1] })))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { warehouses: expect.any(String) } });
    expect(await runAsUser(admin.id, () => createChannelAction(form({ currency: "XYZ" })))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { currency: expect.any(String) } });
    expect(await runAsUser(admin.id, () => createChannelAction(form({ type: "social" })))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { platform: expect.any(String) } });
    expect(await runAsUser(admin.id, () => createChannelAction(form({ type: "marketplace", platform: "instagram" })))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { platform: expect.any(String) } });
    expect(await runAsUser(admin.id, () => createChannelAction(form({ code: "bad code!", name: " " })))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { code: expect.any(String), name: expect.any(String) } });
    // Nothing else can be smuggled in.
    expect(await runAsUser(admin.id, () => createChannelAction({ ...form(), webhookSecretEnc: "x" } as never))).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db().channel.count()).toBe(before);
  });

  it("edits a channel: new warehouse order, tax, type; a platform only where it applies", async () => {
    const admin = await makeUser("ADMIN");
    const c = code();
    await runAsUser(admin.id, () => createChannelAction(form({ code: c, type: "social", platform: "instagram" })));
    const res = await runAsUser(admin.id, () => updateChannelAction(form({ code: c, name: "Renamed", type: "instore", platform: "instagram", warehouses: [W1], allowSplit: false, taxPercent: "7", pricesIncludeTax: true })));
    expect(res).toMatchObject({ ok: true, data: { code: c, name: "Renamed" } });
    const row = await channelRow(c);
    expect(row).toMatchObject({ name: "Renamed", type: "INSTORE", platform: null, allowSplit: false, pricesIncludeTax: true });
    expect(row.taxRate.toString()).toBe("0.07");
    expect(await warehouseCodes(c)).toEqual([W1]);
    expect(await runAsUser(admin.id, () => updateChannelAction(form({ code: "NO-SUCH-CHANNEL" })))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("rotates the webhook secret: the new one verifies, the old one no longer does", async () => {
    const admin = await makeUser("ADMIN");
    const c = code();
    const created = await runAsUser(admin.id, () => createChannelAction(form({ code: c })));
    if (!created.ok) throw new Error(created.message);
    const old = created.data.webhookSecret;
    const body = JSON.stringify({ id: "evt_1", type: "order.cancelled", data: { externalId: "X-1" } });
    expect(verifySignature(signPayload(await secretOf(c), body), body, old)).toBe(true);

    const rotated = await runAsUser(admin.id, () => rotateWebhookSecretAction({ code: c }));
    expect(rotated.ok).toBe(true);
    if (!rotated.ok) return;
    const fresh = rotated.data.webhookSecret;
    expect(fresh).not.toBe(old);
    const stored = await secretOf(c);
    expect(stored).toBe(fresh);
    expect((await channelRow(c)).webhookSecretEnc).not.toContain(fresh.slice(6));
    // A delivery signed with the old secret is refused; with the new one it passes.
    expect(verifySignature(signPayload(old, body), body, stored)).toBe(false);
    expect(verifySignature(signPayload(fresh, body), body, stored)).toBe(true);
    expect(await db().auditLog.count({ where: { action: "channel.rotate_webhook_secret", actorId: admin.id } })).toBe(1);
    expect(await runAsUser(admin.id, () => rotateWebhookSecretAction({ code: "NO-SUCH-CHANNEL" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("creates a channel API key (shown once, stored hashed) and revokes it", async () => {
    const admin = await makeUser("ADMIN");
    const c = code();
    await runAsUser(admin.id, () => createChannelAction(form({ code: c })));
    const res = await runAsUser(admin.id, () => createChannelApiKeyAction({ channelCode: c, name: " Shop sync " }));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const { id, key, prefix } = res.data;
    expect(key).toMatch(/^qm_[A-Za-z0-9]{12}_[A-Za-z0-9]{32}$/);
    const row = await db().apiKey.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ name: "Shop sync", kind: "CHANNEL", channelCode: c, prefix, hash: hashKey(key), revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(key.slice(prefix.length + 1));
    expect(await authenticateApiKey(key)).toMatchObject({ keyId: id, kind: "CHANNEL", channelCode: c });

    expect(await runAsUser(admin.id, () => revokeChannelApiKeyAction({ id }))).toMatchObject({ ok: true, data: { id } });
    expect(await authenticateApiKey(key)).toBeNull();
    expect(await runAsUser(admin.id, () => createChannelApiKeyAction({ channelCode: "NO-SUCH-CHANNEL", name: "x" }))).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await runAsUser(admin.id, () => createChannelApiKeyAction({ channelCode: c, name: "  " }))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { name: "Enter a name" } });
  });

  it("refuses MANAGER and VIEWER on every write and changes nothing", async () => {
    const admin = await makeUser("ADMIN");
    const c = code();
    const created = await runAsUser(admin.id, () => createChannelAction(form({ code: c })));
    if (!created.ok) throw new Error(created.message);
    const key = await runAsUser(admin.id, () => createChannelApiKeyAction({ channelCode: c, name: "Keep" }));
    if (!key.ok) throw new Error(key.message);
    const snapshot = async () => {
      const row = await channelRow(c);
      return [await db().channel.count(), await db().apiKey.count(), await db().auditLog.count(), row.name, row.webhookSecretEnc, row.taxRate.toString(), (await db().apiKey.findUniqueOrThrow({ where: { id: key.data.id } })).revokedAt];
    };
    const before = await snapshot();
    for (const role of ["MANAGER", "VIEWER"] as const) {
      const u = await makeUser(role);
      const results = [
        await runAsUser(u.id, () => createChannelAction(form())),
        await runAsUser(u.id, () => updateChannelAction(form({ code: c, name: "Hijacked", taxPercent: "50" }))),
        await runAsUser(u.id, () => rotateWebhookSecretAction({ code: c })),
        await runAsUser(u.id, () => createChannelApiKeyAction({ channelCode: c, name: "Sneaky" })),
        await runAsUser(u.id, () => revokeChannelApiKeyAction({ id: key.data.id })),
      ];
      for (const r of results) expect(r, role).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(JSON.stringify(results)).not.toMatch(/whsec_|qm_/);
    }
    expect(await createChannelAction(form())).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await snapshot()).toEqual(before);
  });
});
