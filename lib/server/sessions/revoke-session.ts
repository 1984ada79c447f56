import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../actor";

/** Signs one of the actor's own browsers out. */
export async function revokeSession(actor: Actor, sessionId: string) {
  const { count } = await getDb().userSession.updateMany({
    where: { id: sessionId, userId: actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("not_found", "That session has already ended.");
}
