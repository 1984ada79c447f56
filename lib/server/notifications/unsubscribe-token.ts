// Signed unsubscribe tokens: they name a user and a kind and work without signing in, so they must
// be unforgeable. HMAC-SHA256 under a key derived from the app's secret; no expiry (old emails
// should still let people stop the next ones).
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "../../auth-secret";
import { NOTIFICATION_KINDS, type NotificationKindName } from "../../domain/notifications";

function signature(payload: string): Buffer {
  const key = createHmac("sha256", authSecret()).update("verdict-unsubscribe-v1").digest();
  return createHmac("sha256", key).update(payload).digest();
}

export function unsubscribeToken(userId: string, kind: NotificationKindName): string {
  const payload = `${userId}.${kind}`;
  return `${Buffer.from(payload).toString("base64url")}.${signature(payload).toString("base64url")}`;
}

export function readUnsubscribeToken(token: string): { userId: string; kind: NotificationKindName } | null {
  const [encoded, signed, extra] = token.split(".");
  if (!encoded || !signed || extra !== undefined) return null;
  const payload = Buffer.from(encoded, "base64url").toString();
  const given = Buffer.from(signed, "base64url");
  const expected = signature(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [userId, kind] = payload.split(".");
  if (!userId || !NOTIFICATION_KINDS.includes(kind as NotificationKindName)) return null;
  return { userId, kind: kind as NotificationKindName };
}
