import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";

/** Accounts made through GitHub or single sign-on have no password to change. */
export async function userHasPassword(actor: Actor): Promise<boolean> {
  const user = await getDb().user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}
