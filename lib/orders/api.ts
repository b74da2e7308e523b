import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { ApiPrincipal } from "../api/keys";

/** The channel an API call acts for: a channel key's own, or the one an admin key names. */
export async function channelForCall(p: ApiPrincipal, named: string | undefined | null): Promise<{ id: string; code: string }> {
  const code = p.kind === "CHANNEL" ? p.channelCode : named;
  if (p.kind === "CHANNEL" && named && named !== p.channelCode) throw new AppError("FORBIDDEN", "A channel key acts for its own channel only.");
  if (!code) throw new AppError("VALIDATION", "Name the channel (admin keys).", { issues: [{ path: "channel", message: "Required with an admin key" }] });
  const c = await db().channel.findUnique({ where: { code }, select: { id: true, code: true, active: true } });
  if (!c || !c.active) throw new AppError("VALIDATION", `Unknown channel ${code}.`, { issues: [{ path: "channel", message: "Unknown channel" }] });
  return c;
}

/** Channel keys see their own channel's orders only; admin keys see all. */
export async function channelScope(p: ApiPrincipal): Promise<string | undefined> {
  if (p.kind !== "CHANNEL") return undefined;
  const c = await db().channel.findUnique({ where: { code: p.channelCode ?? "" }, select: { id: true } });
  if (!c) throw new AppError("FORBIDDEN", "This key's channel no longer exists.");
  return c.id;
}
