// The notification settings read from the environment, each with its default.
import "server-only";
import { publicUrl } from "../public-url";

const number = (raw: string | undefined, fallback: number) => {
  const value = Number(raw);
  return raw && Number.isFinite(value) && value >= 0 ? value : fallback;
};

/**
 * Email is on with an SMTP server and a public address (AUTH_URL): every email links into the app
 * and carries an unsubscribe link, and a link to a guessed localhost would point nowhere.
 */
export function smtpUrl(): string | null {
  const url = process.env.SMTP_URL?.trim();
  return url && publicUrl("/") ? url : null;
}

export function emailFrom(): string {
  const site = publicUrl("/");
  return process.env.EMAIL_FROM?.trim() || `Verdict <verdict@${site ? new URL(site).hostname : "localhost"}>`;
}

/** How often the worker looks for work it was not woken for (missed announcements, retries, reminders). */
export function pollIntervalMs(): number {
  return number(process.env.NOTIFY_POLL_SECONDS, 30) * 1000;
}

/** The first retry's delay; each further attempt waits twice as long. */
export function emailRetryBaseMs(): number {
  return number(process.env.EMAIL_RETRY_BASE_MS, 30_000);
}

export function emailMaxAttempts(): number {
  return Math.max(1, number(process.env.EMAIL_MAX_ATTEMPTS, 8));
}
