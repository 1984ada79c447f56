import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { getDb } from "../db";
import { AppError } from "../errors";
import { signInSchema } from "../schemas/account";
import { UNKNOWN_CLIENT } from "./client-address";
import { verifyPassword } from "./passwords";
import { clearRateLimit, hitRateLimit, limitSetting, peekRateLimit } from "./rate-limit";

const WINDOW_MS = 15 * 60 * 1000;
/** One address may fail this many times more across all emails than on a single one before it is slowed. */
const CLIENT_FACTOR = 5;
/** Checked when the email is unknown, so that answer takes as long as a wrong password. */
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$tiYjdhjZtgSEtmW69l4vpA$Fq/kk6Aylny9GWymdkfrmGQWrVlbdJg1eGF/hp8uw/k";

const maxAttempts = () => limitSetting("SIGNIN_MAX_ATTEMPTS", 10);

/** Doubles from 250 ms at the limit, up to SIGNIN_SLOWDOWN_MAX_MS (5 s). */
export function slowdownMs(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  const cap = limitSetting("SIGNIN_SLOWDOWN_MAX_MS", 5000);
  return Math.min(cap, 250 * 2 ** Math.min(failures - threshold, 16));
}

/**
 * Checks an email and password. Limits, in a 15-minute window:
 * - one address failing on one email: refused after SIGNIN_MAX_ATTEMPTS (counted before the password
 *   is checked, in one statement, so a concurrent burst gets no extra guesses);
 * - one email failing from anywhere, or one address failing across emails: slowed down, never
 *   refused, so strangers' failures cannot lock the owner out of an account.
 */
export async function checkCredentials(raw: unknown, client: string) {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("unauthorized", "Enter your email and password.");
  const { email, password } = parsed.data;
  const max = maxAttempts();
  const knownClient = client !== UNKNOWN_CLIENT;
  const pairKey = `signin:pair:${client}:${email}`;
  const emailKey = `signin:email:${email}`;
  const clientKey = `signin:client:${client}`;

  const pair = await hitRateLimit(pairKey, WINDOW_MS);
  if (pair.count > max) {
    throw new AppError("rate_limited", "Too many sign-in attempts. Wait 15 minutes and try again.", {
      retryAfterSeconds: pair.retryAfterSeconds,
    });
  }
  const [emailFailures, clientFailures] = await Promise.all([
    peekRateLimit(emailKey),
    knownClient ? peekRateLimit(clientKey) : 0,
  ]);
  const delay = Math.max(slowdownMs(emailFailures, max), slowdownMs(clientFailures, max * CLIENT_FACTOR));
  if (delay > 0) await sleep(delay);

  const user = await getDb().user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user?.passwordHash || !passwordMatches) {
    await Promise.all([
      hitRateLimit(emailKey, WINDOW_MS),
      knownClient ? hitRateLimit(clientKey, WINDOW_MS) : null,
    ]);
    throw new AppError("unauthorized", "Wrong email or password.");
  }
  await clearRateLimit([pairKey, emailKey]);
  return { id: user.id, email: user.email, name: user.name };
}
