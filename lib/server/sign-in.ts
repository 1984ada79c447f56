import "server-only";
import { getDb } from "../db";
import { AppError } from "../errors";
import { signInSchema } from "../schemas/account";
import { verifyPassword } from "./passwords";

const WINDOW_MS = 15 * 60 * 1000;
const maxAttempts = () => Number(process.env.SIGNIN_MAX_ATTEMPTS ?? 10);

/**
 * Checks an email and password, refusing once too many attempts failed for that email or that
 * IP address in the last 15 minutes. Failed attempts are remembered; success clears the email's.
 */
export async function checkCredentials(raw: unknown, ip: string | null) {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("unauthorized", "Enter your email and password.");
  const { email, password } = parsed.data;
  const db = getDb();
  const keys = [`email:${email}`, ...(ip ? [`ip:${ip}`] : [])];
  const since = new Date(Date.now() - WINDOW_MS);
  for (const key of keys) {
    const failures = await db.signInAttempt.count({ where: { key, at: { gte: since } } });
    if (failures >= maxAttempts()) {
      throw new AppError("rate_limited", "Too many sign-in attempts. Wait 15 minutes and try again.");
    }
  }
  const user = await db.user.findUnique({ where: { email } });
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    await db.signInAttempt.createMany({ data: keys.map((key) => ({ key })) });
    throw new AppError("unauthorized", "Wrong email or password.");
  }
  await db.signInAttempt.deleteMany({ where: { key: `email:${email}` } });
  return { id: user.id, email: user.email, name: user.name };
}
