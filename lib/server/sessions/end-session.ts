import "server-only";
import { getDb } from "../../db";

/** Signing out: the cookie's session row is revoked, so a copy of the cookie is worthless too. */
export async function endSession(sessionId: string) {
  await getDb().userSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
