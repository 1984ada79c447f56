import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";

export function listApiTokens(actor: Actor) {
  return getDb().apiToken.findMany({
    where: { userId: actor.userId, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}
