// Sends the queued emails. A job is claimed with FOR UPDATE SKIP LOCKED and a lease (so two workers
// never take the same one), sent, then marked sent; a failure is retried with exponential backoff.
// Jobs exist only for committed notifications, so nothing is mailed before its change commits.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getDb } from "../../db";
import {
  NOTIFICATION_KIND_LABELS,
  retryDelayMs,
  type NotificationKindName,
} from "../../domain/notifications";
import { escapeHtml } from "../../render-markdown";
import { publicUrl } from "../public-url";
import { emailFrom, emailMaxAttempts, emailRetryBaseMs, smtpUrl } from "./settings";
import { unsubscribeToken } from "./unsubscribe-token";

const LEASE_MS = 120_000;
const CLAIM_BATCH = 20;

const globalForMail = globalThis as unknown as { verdictMail?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (globalForMail.verdictMail?.url !== url) {
    globalForMail.verdictMail?.transport.close();
    globalForMail.verdictMail = {
      url,
      transport: nodemailer.createTransport(url, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }),
    };
  }
  return globalForMail.verdictMail.transport;
}

export interface ComposedEmail {
  to: string;
  subject: string;
  text: string;
  /** The same message as HTML: every piece of text escaped, no images, the same links. */
  html: string;
  unsubscribeUrl: string;
  /** For List-Unsubscribe: the API address a mail client POSTs to (RFC 8058 one-click). */
  oneClickUrl: string;
  messageId: string;
}

function linkTo(path: string): string {
  const url = publicUrl(path);
  // smtpUrl() keeps email off without a public address, so no job is sent without one.
  if (!url) throw new Error("Notification emails need AUTH_URL, the public address their links start with.");
  return url;
}

export function composeEmail(
  notification: {
    id: string;
    userId: string;
    kind: NotificationKindName;
    title: string;
    body: string;
    link: string;
  },
  to: string,
): ComposedEmail {
  const token = encodeURIComponent(unsubscribeToken(notification.userId, notification.kind));
  const unsubscribeUrl = linkTo(`/unsubscribe?token=${token}`);
  const oneClickUrl = linkTo(`/api/v1/unsubscribe?token=${token}`);
  const openUrl = linkTo(notification.link);
  const settingsUrl = linkTo("/settings#notifications");
  const kindLabel = NOTIFICATION_KIND_LABELS[notification.kind].label;
  const text = [
    notification.title,
    "",
    notification.body,
    "",
    `Open it: ${openUrl}`,
    "",
    "—",
    `You get this email for “${kindLabel}”.`,
    `Stop these emails: ${unsubscribeUrl}`,
    `All notification settings: ${settingsUrl}`,
  ].join("\n");
  return {
    to,
    subject: notification.title,
    text,
    html: emailHtml({ title: notification.title, body: notification.body, openUrl, kindLabel, unsubscribeUrl, settingsUrl }),
    unsubscribeUrl,
    oneClickUrl,
    messageId: `<${notification.id}@${new URL(linkTo("/")).hostname}>`,
  };
}

/**
 * Titles and bodies carry what members typed (decision titles, project names, comment excerpts), so
 * every piece is escaped. Inline styles only (mail clients drop style sheets), and no images, so the
 * message reads the same with images blocked.
 */
function emailHtml(parts: {
  title: string;
  body: string;
  openUrl: string;
  kindLabel: string;
  unsubscribeUrl: string;
  settingsUrl: string;
}): string {
  const e = escapeHtml;
  const link = "color:#1d4ed8";
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(parts.title)}</title></head>`,
    '<body style="margin:0;padding:24px 16px;background:#ffffff;color:#1f2937;font-family:system-ui,-apple-system,\'Segoe UI\',Roboto,sans-serif;font-size:16px;line-height:1.5">',
    '<div style="max-width:560px;margin:0 auto">',
    `<h1 style="margin:0 0 12px;font-size:20px;line-height:1.3">${e(parts.title)}</h1>`,
    `<p style="margin:0 0 20px">${e(parts.body).replace(/\n/g, "<br>")}</p>`,
    `<p style="margin:0 0 28px"><a href="${e(parts.openUrl)}" style="display:inline-block;padding:10px 16px;border-radius:6px;background:#1d4ed8;color:#ffffff;font-weight:600;text-decoration:none">Open it in Verdict</a></p>`,
    '<hr style="margin:0 0 12px;border:0;border-top:1px solid #e5e7eb">',
    `<p style="margin:0;font-size:13px;color:#4b5563">You get this email for “${e(parts.kindLabel)}”. `,
    `<a href="${e(parts.unsubscribeUrl)}" style="${link}">Stop these emails</a> · `,
    `<a href="${e(parts.settingsUrl)}" style="${link}">All notification settings</a></p>`,
    "</div></body></html>",
  ].join("\n");
}

/** Sends every due email; returns how many were delivered. */
export async function sendDueEmails(now = () => new Date()): Promise<number> {
  const url = smtpUrl();
  if (!url) return 0;
  const db = getDb();
  let delivered = 0;
  // Only jobs due when the pass began: a failure rescheduled during it waits for a later pass.
  const start = now();
  for (;;) {
    const claimAt = now();
    const claimed = await db.$queryRaw<{ id: string; attempts: number }[]>`
      UPDATE "EmailJob" SET "lockedUntil" = ${new Date(claimAt.getTime() + LEASE_MS)}, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM "EmailJob"
        WHERE status = 'pending' AND "runAt" <= ${start} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${claimAt})
        ORDER BY "runAt" LIMIT ${CLAIM_BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING id, attempts`;
    if (claimed.length === 0) return delivered;
    for (const job of claimed) {
      if (await sendOne(url, job.id, job.attempts, now)) delivered += 1;
    }
  }
}

async function sendOne(url: string, jobId: string, attempts: number, now: () => Date): Promise<boolean> {
  const db = getDb();
  const job = await db.emailJob.findUniqueOrThrow({
    where: { id: jobId },
    select: {
      notification: {
        select: {
          id: true,
          userId: true,
          kind: true,
          title: true,
          body: true,
          link: true,
          user: { select: { email: true } },
        },
      },
    },
  });
  const { notification } = job;
  // Preferences and membership are read again at sending time: an unsubscribe (or leaving the
  // project) after queueing still counts.
  const preference = await db.notificationPreference.findUnique({
    where: { userId_kind: { userId: notification.userId, kind: notification.kind } },
    select: { email: true },
  });
  const stillMember = await db.membership.findFirst({
    where: { userId: notification.userId, project: { notifications: { some: { id: notification.id } } } },
    select: { role: true },
  });
  if ((preference && !preference.email) || !stillMember) {
    await db.emailJob.update({ where: { id: jobId }, data: { status: "skipped", lockedUntil: null } });
    return false;
  }
  const email = composeEmail(notification, notification.user.email);
  try {
    await transport(url).sendMail({
      from: emailFrom(),
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: {
        "List-Unsubscribe": `<${email.oneClickUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
  } catch (error) {
    const message = (error as Error).message?.slice(0, 500) ?? String(error);
    const giveUp = attempts >= emailMaxAttempts();
    await db.emailJob.update({
      where: { id: jobId },
      data: giveUp
        ? { status: "failed", lockedUntil: null, lastError: message }
        : {
            runAt: new Date(now().getTime() + retryDelayMs(emailRetryBaseMs(), attempts)),
            lockedUntil: null,
            lastError: message,
          },
    });
    if (giveUp) console.error(`Email ${jobId} failed ${attempts} times; giving up: ${message}`);
    return false;
  }
  await db.emailJob.update({
    where: { id: jobId },
    data: { status: "sent", sentAt: now(), lockedUntil: null, lastError: null },
  });
  return true;
}

/** When the next queued email falls due, so the worker can wake for a retry sooner than its poll. */
export async function nextEmailDue(): Promise<Date | null> {
  if (!smtpUrl()) return null;
  const next = await getDb().emailJob.findFirst({
    where: { status: "pending" },
    orderBy: { runAt: "asc" },
    select: { runAt: true },
  });
  return next?.runAt ?? null;
}
