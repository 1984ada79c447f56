import "server-only";
import { getDb } from "../db";
import { AppError } from "../errors";
import { hashToken } from "./token-hash";

/** How stale a token's last-used time may get before a call refreshes it. */
const TOUCH_EVERY_MS = 60_000;

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
    // Raw statements: this runs on every API call, and an ORM query is compiled afresh each time.
    const db = getDb();
    const [token] = await db.$queryRawUnsafe<{ id: string; userId: string; revokedAt: Date | null; lastUsedAt: Date | null }[]>(
      `SELECT id, "userId", "revokedAt", "lastUsedAt" FROM "ApiToken" WHERE "tokenHash" = $1`,
      hashToken(match[1]!),
    );
    if (!token || token.revokedAt) throw new AppError("unauthorized", "This API token is unknown or revoked.");
    // Like a session's last-seen time (check-session.ts): refreshed at most once a minute, so a script
    // calling in a loop does not write the token row on every request.
    const now = Date.now();
    if (!token.lastUsedAt || now - new Date(token.lastUsedAt).getTime() >= TOUCH_EVERY_MS) {
      await db.$executeRawUnsafe(
        `UPDATE "ApiToken" SET "lastUsedAt" = $2::timestamp(3) WHERE id = $1 AND ("lastUsedAt" IS NULL OR "lastUsedAt" < $3::timestamp(3))`,
        token.id,
        new Date(now).toISOString(),
        new Date(now - TOUCH_EVERY_MS).toISOString(),
      );
    }
    return { userId: token.userId, via: "token" };
  }
  // No cookie, no session: answer without asking Auth.js.
  const actor = request.headers.get("cookie") ? await sessionActor() : null;
  if (!actor) throw new AppError("unauthorized", "Sign in or send `Authorization: Bearer <token>`.");
  return actor;
}
