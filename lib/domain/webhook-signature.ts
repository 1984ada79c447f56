// The signature a webhook receiver checks: HMAC-SHA256 of the exact body bytes with the webhook's
// secret, as `sha256=<hex>`.
import { createHmac, timingSafeEqual } from "node:crypto";

export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** Constant-time check, for receivers written in Node (and our tests). */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | null | undefined,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(secret, body));
  const given = Buffer.from(header.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Wait before attempt `attempt + 1` (attempt counted from 1): base, 2×base, 4×base … capped. */
export function retryDelayMs(attempt: number, baseMs: number, capMs = 3_600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
