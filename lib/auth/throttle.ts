import "server-only";
import { db } from "../db";

/**
 * Login throttling: at most 5 failed attempts per email and 20 per IP address (offices share
 * one) in 15 minutes; a successful sign-in clears the count for that email. The message never
 * says whether the email exists.
 */
export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export async function isThrottled(email: string, ip: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const lastSuccess = await db().loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const [byEmail, byIp] = await Promise.all([
    db().loginAttempt.count({ where: { email, success: false, createdAt: { gt: lastSuccess?.createdAt ?? since } } }),
    db().loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  return byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP;
}

export async function recordLoginAttempt(email: string, ip: string, success: boolean): Promise<void> {
  await db().loginAttempt.create({ data: { email, ip, success } });
}
