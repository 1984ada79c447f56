import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";

/** The actor's signed-in browsers that still work, the current one marked and first, then by last seen. */
export async function listSessions(actor: Actor) {
  const rows = await getDb().userSession.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true },
    orderBy: { lastSeenAt: "desc" },
  });
  const sessions = rows.map((row) => ({ ...row, current: row.id === actor.sessionId }));
  // The browser in hand first: it is the one people look for.
  return [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)];
}
