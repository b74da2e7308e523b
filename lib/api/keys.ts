import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../audit/service";

/**
 * API keys look like `qm_<12 chars>_<32 chars>`; only their SHA-256 is stored (a key is
 * 190 random bits, so a fast hash is enough), with the first part kept to tell them apart.
 */
export type ApiPrincipal = { keyId: string; kind: "ADMIN" | "CHANNEL"; channelCode: string | null; label: string };

const ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
function token(n: number): string {
  const bytes = randomBytes(n);
  let s = "";
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return s;
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export async function createApiKey(actor: Actor, opts: { name: string; kind: "ADMIN" | "CHANNEL"; channelCode?: string }): Promise<{ id: string; key: string; prefix: string }> {
  const name = opts.name.trim();
  if (!name || name.length > 80) throw new AppError("VALIDATION", "Give the key a name (at most 80 characters).", { issues: [{ path: "name", message: "1–80 characters" }] });
  if (opts.kind === "CHANNEL") {
    const channel = opts.channelCode ? await db().channel.findUnique({ where: { code: opts.channelCode }, select: { id: true } }) : null;
    if (!channel) throw new AppError("VALIDATION", `Unknown channel ${opts.channelCode ?? ""}.`, { issues: [{ path: "channel", message: "Unknown channel" }] });
  }
  const prefix = `qm_${token(12)}`;
  const key = `${prefix}_${token(32)}`;
  return transaction(async (tx) => {
    const k = await tx.apiKey.create({ data: { name, kind: opts.kind, channelCode: opts.channelCode, prefix, hash: hashKey(key), createdById: actor.id } });
    await recordAudit(tx, { actor, action: "api_key.create", entityType: "ApiKey", entityId: k.id, after: { name, kind: opts.kind, channelCode: opts.channelCode, prefix } });
    return { id: k.id, key, prefix };
  });
}

export async function revokeApiKey(actor: Actor, id: string): Promise<void> {
  await transaction(async (tx) => {
    const k = await tx.apiKey.findUnique({ where: { id } });
    if (!k) throw new AppError("NOT_FOUND", "API key not found.");
    if (k.revokedAt) return;
    await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actor, action: "api_key.revoke", entityType: "ApiKey", entityId: id, before: { prefix: k.prefix, name: k.name } });
  });
}

/** The principal of a bearer key, or null for an unknown or revoked key. */
export async function authenticateApiKey(key: string): Promise<ApiPrincipal | null> {
  if (!/^qm_[A-Za-z0-9]{12}_[A-Za-z0-9]{32}$/.test(key)) return null;
  const k = await db().apiKey.findUnique({ where: { hash: hashKey(key) } });
  if (!k || k.revokedAt) return null;
  // Last use is informative; at most one write a minute per key.
  if (!k.lastUsedAt || Date.now() - k.lastUsedAt.getTime() > 60_000) await db().apiKey.update({ where: { id: k.id }, data: { lastUsedAt: new Date() } });
  return { keyId: k.id, kind: k.kind, channelCode: k.channelCode, label: `api-key:${k.name} (${k.prefix})` };
}

export async function listApiKeys() {
  const keys = await db().apiKey.findMany({ orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }] });
  return keys.map((k) => ({ id: k.id, name: k.name, kind: k.kind, channelCode: k.channelCode, prefix: k.prefix, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null }));
}

export function apiActor(p: ApiPrincipal): Actor {
  return { id: null, label: p.label };
}
