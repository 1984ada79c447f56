import "server-only";
import { getDb, type Tx } from "../../db";
import type { Actor } from "../actor";

/** "Sign out everywhere": every session of the user ends, the current one included unless kept. */
export async function revokeAllSessions(actor: Actor, options: { keepCurrent?: boolean } = {}) {
  return revokeUserSessions(getDb(), actor.userId, options.keepCurrent ? actor.sessionId : undefined);
}

export async function revokeUserSessions(
  db: Tx | ReturnType<typeof getDb>,
  userId: string,
  exceptId?: string,
) {
  const { count } = await db.userSession.updateMany({
    where: { userId, revokedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return { revoked: count };
}
