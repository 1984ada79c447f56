import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";

/** The caller's current name and email, read from the account (a session keeps the name it began with). */
export async function getProfile(actor: Actor) {
  return getDb().user.findUnique({ where: { id: actor.userId }, select: { name: true, email: true } });
}
