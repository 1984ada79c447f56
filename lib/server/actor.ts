import "server-only";
import { getDb } from "../db";
import { AppError } from "../errors";
import { hashToken } from "./token-hash";

export interface Actor {
  userId: string;
  via: "session" | "token";
  /** The signed-in browser's session row, when the actor came with a session cookie. */
  sessionId?: string;
}

/** The signed-in user of a page or server action, or null. */
export async function sessionActor(): Promise<Actor | null> {
  // Loaded on demand so token-authenticated calls and scripts never load Auth.js.
  const { auth } = await import("../auth");
  const session = await auth();
  const userId = session?.user?.id;
  // Auth.js hands out a session only while its row is live (see the jwt callback in lib/auth.ts).
  if (!userId || !session.sessionId) return null;
  return { userId, via: "session", sessionId: session.sessionId };
}

/** API callers: `Authorization: Bearer <token>` first, else the session cookie. */
export async function requestActor(request: Request): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError("unauthorized", "The Authorization header must be `Bearer <token>`.");
    const token = await getDb().apiToken.findUnique({
      where: { tokenHash: hashToken(match[1]!) },
      select: { id: true, userId: true, revokedAt: true },
    });
    if (!token || token.revokedAt) throw new AppError("unauthorized", "This API token is unknown or revoked.");
    await getDb().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    return { userId: token.userId, via: "token" };
  }
  // No cookie, no session: answer without asking Auth.js.
  const actor = request.headers.get("cookie") ? await sessionActor() : null;
  if (!actor) throw new AppError("unauthorized", "Sign in or send `Authorization: Bearer <token>`.");
  return actor;
}
