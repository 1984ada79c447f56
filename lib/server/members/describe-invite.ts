import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { hashToken } from "../token-hash";

/** What an invite link offers, for the page that asks the user to accept it. */
export async function describeInvite(token: string) {
  const invite = await getDb().invite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      role: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      project: { select: { id: true, name: true } },
    },
  });
  if (!invite) throw new AppError("not_found", "This invite link is not valid.");
  return invite;
}
