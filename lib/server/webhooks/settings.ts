import "server-only";

export interface WebhookSettings {
  /** How long one attempt may take, connection to last byte. */
  timeoutMs: number;
  /** The wait after the first failed attempt; doubles after each further one. */
  retryBaseMs: number;
  /** Attempts before a delivery is marked failed. */
  maxAttempts: number;
  /** How often the worker looks for work nobody announced (missed while down, retries due). */
  pollMs: number;
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number (got "${raw}").`);
  return Math.floor(value);
}

export function webhookSettings(overrides: Partial<WebhookSettings> = {}): WebhookSettings {
  return {
    timeoutMs: positive("WEBHOOK_TIMEOUT_MS", 10_000),
    retryBaseMs: positive("WEBHOOK_RETRY_BASE_MS", 30_000),
    maxAttempts: positive("WEBHOOK_MAX_ATTEMPTS", 6),
    pollMs: positive("WEBHOOK_POLL_MS", 15_000),
    ...overrides,
  };
}
