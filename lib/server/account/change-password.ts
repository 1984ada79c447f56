import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { changePasswordSchema } from "../../schemas/account";
import type { Actor } from "../actor";
import { parseInput } from "../parse-input";
import { hashPassword, verifyPassword } from "../passwords";
import { revokeUserSessions } from "../sessions/revoke-all-sessions";

/**
 * Sets a new password after checking the current one, and signs out every other browser: whoever
 * knew the old password may still hold a session made with it.
 */
export async function changePassword(actor: Actor, raw: unknown) {
  if (actor.via !== "session")
    throw new AppError("forbidden", "Change your password from a signed-in browser.");
  const input = parseInput(changePasswordSchema, raw);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { passwordHash: true },
  });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("unprocessable", "Your current password is not right.", { field: "currentPassword" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    return revokeUserSessions(tx, actor.userId, actor.sessionId);
  });
}
