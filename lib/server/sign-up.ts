import "server-only";
import { getDb } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { signUpSchema } from "../schemas/account";
import { parseInput } from "./parse-input";
import { hashPassword } from "./passwords";
import { enforceRateLimit } from "./rate-limit";
import { signUpLimit } from "./limits";

/** `client` (the caller's address) is given by the web entry points, which are rate-limited per address. */
export async function signUp(raw: unknown, options: { client?: string } = {}) {
  const input = parseInput(signUpSchema, raw);
  if (options.client !== undefined) await enforceRateLimit(signUpLimit(options.client));
  const passwordHash = await hashPassword(input.password);
  try {
    return await getDb().user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "An account with this email already exists. Sign in instead.", {
        field: "email",
      });
    }
    throw error;
  }
}
