import "server-only";
import { getDb } from "../../db";

/** Last-seen times are refreshed at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The user a session cookie still speaks for, or null once its row was revoked, has expired or is
 * gone with its user.
 */
export async function checkSession(sessionId: string): Promise<{ userId: string } | null> {
  const db = getDb();
  const now = new Date();
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, expiresAt: true, revokedAt: true, lastSeenAt: true },
  });
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.userSession.updateMany({
      where: { id: sessionId, lastSeenAt: { lt: new Date(now.getTime() - TOUCH_EVERY_MS) } },
      data: { lastSeenAt: now },
    });
  }
  return { userId: row.userId };
}
