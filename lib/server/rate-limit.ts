// Fixed-window counters kept in the database, so every app process shares them.
import "server-only";
import { getDb } from "../db";
import { AppError } from "../errors";

export interface RateLimitHit {
  /** Hits counted in the current window, this one included. */
  count: number;
  /** Seconds until the window ends and the count starts again. */
  retryAfterSeconds: number;
}

const PRUNE_EVERY_MS = 60_000;
let lastPruneAt = 0;

function secondsUntil(expiresAt: Date, now: Date) {
  return Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
}

/**
 * Counts one hit on `key` in a single upsert, so a concurrent burst is counted exactly: the database
 * serializes the increments and each caller sees its own position in the window.
 */
export async function hitRateLimit(key: string, windowMs: number): Promise<RateLimitHit> {
  const db = getDb();
  const now = new Date();
  const expires = new Date(now.getTime() + windowMs);
  const rows = await db.$queryRaw<{ count: number; expiresAt: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "expiresAt") VALUES (${key}, 1, ${expires}::timestamp(3))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now}::timestamp(3) THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now}::timestamp(3) THEN ${expires}::timestamp(3) ELSE "RateLimitBucket"."expiresAt" END
    RETURNING "count", "expiresAt"`;
  await pruneExpired(now);
  const row = rows[0]!;
  return { count: Number(row.count), retryAfterSeconds: secondsUntil(new Date(row.expiresAt), now) };
}

/** The hits counted on `key` in its current window, without adding one. */
export async function peekRateLimit(key: string): Promise<number> {
  const row = await getDb().rateLimitBucket.findUnique({ where: { key } });
  return row && row.expiresAt > new Date() ? row.count : 0;
}

export async function clearRateLimit(keys: string[]) {
  await getDb().rateLimitBucket.deleteMany({ where: { key: { in: keys } } });
}

/** Counts a hit and refuses with 429 (and when to retry) once `max` hits fill the window. */
export async function enforceRateLimit(limit: {
  key: string;
  max: number;
  windowMs: number;
  message: string;
}) {
  const hit = await hitRateLimit(limit.key, limit.windowMs);
  if (hit.count > limit.max) {
    throw new AppError("rate_limited", limit.message, { retryAfterSeconds: hit.retryAfterSeconds });
  }
}

/** Expired windows are useless: drop them, at most once a minute per process to spare the writes. */
async function pruneExpired(now: Date) {
  if (Math.abs(now.getTime() - lastPruneAt) < PRUNE_EVERY_MS) return;
  lastPruneAt = now.getTime();
  await getDb().rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } });
}

/** A whole-number setting from the environment, or its default when unset or not a number. */
export function limitSetting(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
