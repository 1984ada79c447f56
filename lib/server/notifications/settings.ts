// The notification settings read from the environment, each with its default.
import "server-only";

const number = (raw: string | undefined, fallback: number) => {
  const value = Number(raw);
  return raw && Number.isFinite(value) && value >= 0 ? value : fallback;
};

export function appBaseUrl(): string {
  return (process.env.AUTH_URL?.trim() || "http://localhost:3000").replace(/\/+$/, "");
}

export function smtpUrl(): string | null {
  return process.env.SMTP_URL?.trim() || null;
}

export function emailFrom(): string {
  return process.env.EMAIL_FROM?.trim() || `Verdict <verdict@${new URL(appBaseUrl()).hostname}>`;
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
