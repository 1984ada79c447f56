import "server-only";
import crypto from "node:crypto";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { createTokenSchema } from "../../schemas/account";
import type { Actor } from "../actor";
import { hashToken } from "../token-hash";
import { parseInput } from "../parse-input";
import { enforceRateLimit } from "../rate-limit";
import { tokenCreationLimit } from "../limits";

export async function createApiToken(actor: Actor, raw: unknown) {
  // A token cannot mint tokens: a leaked one must not be able to multiply itself.
  if (actor.via !== "session") throw new AppError("forbidden", "API tokens can only be created from a signed-in session.");
  const { name } = parseInput(createTokenSchema, raw);
  await enforceRateLimit(tokenCreationLimit(actor.userId));
  const token = `vdt_${crypto.randomBytes(24).toString("base64url")}`;
  const row = await getDb().apiToken.create({
    data: { userId: actor.userId, name, tokenHash: hashToken(token), prefix: token.slice(0, 8) },
    select: { id: true, name: true, createdAt: true },
  });
  return { ...row, token };
}
