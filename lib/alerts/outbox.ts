import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db, transaction } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { renderOutboxEmail } from "./email";

/**
 * Delivers the email outbox over SMTP (`SMTP_URL`). Rows are claimed with `FOR UPDATE SKIP
 * LOCKED` and a lease (status SENDING, locked_until), so several workers never send the same row;
 * a row whose worker died mid-send is claimed again when its lease ends. A failed send goes back
 * to PENDING with exponential backoff (30 s, 1 min, 2 min … at most 1 h) and its error kept; nothing
 * is dropped. Without SMTP_URL rows wait (admins see them on /settings/outbox). Each message
 * carries a stable Message-ID (`<outbox-ID@quartermaster>`), so a receiving server can spot the
 * one duplicate a crash between sending and recording could cause.
 */
const transports = new Map<string, Transporter>();
function transport(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

export const BACKOFF_BASE_S = 30;
export const BACKOFF_MAX_S = 3600;
export function backoffSeconds(attempts: number): number {
  return Math.min(BACKOFF_MAX_S, BACKOFF_BASE_S * 2 ** Math.max(0, attempts - 1));
}

let warnedNoSmtp = false;

export async function deliverOutbox(opts: { smtpUrl?: string; limit?: number } = {}): Promise<{ sent: number; failed: number; waiting: number }> {
  const smtpUrl = opts.smtpUrl ?? env().SMTP_URL;
  if (!smtpUrl) {
    const waiting = await db().outboxEmail.count({ where: { status: { not: "SENT" } } });
    if (waiting && !warnedNoSmtp) {
      warnedNoSmtp = true;
      console.info(`[mail] SMTP_URL is not set: ${waiting} email(s) wait in the outbox (see /settings/outbox)`);
    }
    return { sent: 0, failed: 0, waiting };
  }
  const claimed = await db().$queryRaw<{ id: bigint; kind: string; payload: unknown; to_email: string; attempts: number }[]>`
    UPDATE outbox_emails SET status = 'SENDING', locked_until = now() + interval '2 minutes', attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox_emails
      WHERE (status = 'PENDING' AND next_attempt_at <= now()) OR (status = 'SENDING' AND locked_until < now())
      ORDER BY id LIMIT ${opts.limit ?? 50} FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, payload, to_email, attempts`;
  let sent = 0;
  let failed = 0;
  for (const row of claimed) {
    try {
      const mail = await renderOutboxEmail(row);
      await transport(smtpUrl).sendMail({ from: env().MAIL_FROM, to: row.to_email, subject: mail.subject, text: mail.text, html: mail.html, attachments: mail.attachments, messageId: `<outbox-${row.id}@quartermaster>` });
      await db().$executeRaw`UPDATE outbox_emails SET status = 'SENT', sent_at = now(), locked_until = NULL, last_error = NULL WHERE id = ${row.id}`;
      sent++;
    } catch (e) {
      failed++;
      const message = e instanceof Error ? e.message : String(e);
      const wait = backoffSeconds(row.attempts);
      await db().$executeRaw`
        UPDATE outbox_emails SET status = 'PENDING', locked_until = NULL, last_error = ${message.slice(0, 500)},
          next_attempt_at = now() + make_interval(secs => ${wait}) WHERE id = ${row.id}`;
      console.warn(`[mail] email ${row.id} to ${row.to_email} failed (attempt ${row.attempts}), retry in ${wait} s: ${message}`);
    }
  }
  const waiting = await db().outboxEmail.count({ where: { status: { not: "SENT" } } });
  return { sent, failed, waiting };
}

/** An admin's "retry now": the row is due at once (a sent email is not sent again). */
export async function retryOutboxEmail(id: bigint): Promise<void> {
  const n = await db().$executeRaw`UPDATE outbox_emails SET next_attempt_at = now(), status = 'PENDING', locked_until = NULL WHERE id = ${id} AND status <> 'SENT'`;
  if (n !== 1) throw new AppError("CONFLICT", "This email has been sent already or does not exist.");
}

/**
 * Queues one digest per user subscribed in digest mode, with the alerts of their warehouses since
 * their last digest (at most a day back). Idempotent per user and day.
 */
export async function queueDigests(now = new Date()): Promise<number> {
  return transaction(async (tx) => {
    // Lock the digest subscriptions first: a second digest run waits, then finds nothing new.
    await tx.$queryRaw`SELECT 1 FROM alert_subscriptions WHERE mode = 'DIGEST' ORDER BY user_id, warehouse_id FOR UPDATE`;
    const subs = await tx.$queryRaw<{ user_id: string; email: string; since: Date; warehouses: string[] }[]>`
      SELECT s.user_id::text, u.email, max(coalesce(s.last_digest_at, ${now}::timestamptz - interval '1 day')) AS since, array_agg(s.warehouse_id::text) AS warehouses
      FROM alert_subscriptions s JOIN users u ON u.id = s.user_id
      WHERE s.mode = 'DIGEST' AND u.active GROUP BY s.user_id, u.email`;
    let queued = 0;
    const day = now.toISOString().slice(0, 10);
    for (const s of subs) {
      const ids = await tx.$queryRaw<{ id: bigint }[]>`
        SELECT id FROM alerts WHERE warehouse_id = ANY(${s.warehouses}::uuid[]) AND created_at > ${s.since} AND created_at <= ${now} ORDER BY id`;
      if (ids.length) {
        queued += await tx.$executeRaw`
          INSERT INTO outbox_emails (kind, user_id, to_email, payload, dedupe_key, status, attempts, next_attempt_at, created_at)
          VALUES ('digest', ${s.user_id}::uuid, ${s.email}, ${JSON.stringify({ alertIds: ids.map((i) => i.id.toString()) })}::jsonb, ${`digest:${s.user_id}:${day}`}, 'PENDING', 0, now(), now())
          ON CONFLICT (dedupe_key) DO NOTHING`;
      }
      await tx.$executeRaw`UPDATE alert_subscriptions SET last_digest_at = ${now} WHERE user_id = ${s.user_id}::uuid AND mode = 'DIGEST'`;
    }
    return queued;
  });
}
