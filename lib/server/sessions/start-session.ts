import "server-only";
import { getDb } from "../../db";
import { sessionMaxAgeSeconds } from "./lifetime";

/** Records a new sign-in; its id goes into the session cookie. */
export async function startSession(userId: string, userAgent: string | null): Promise<string> {
  const row = await getDb().userSession.create({
    data: {
      userId,
      userAgent: userAgent?.slice(0, 400) ?? null,
      expiresAt: new Date(Date.now() + sessionMaxAgeSeconds() * 1000),
    },
    select: { id: true },
  });
  return row.id;
}
