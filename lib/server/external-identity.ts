import "server-only";
import { getDb } from "../db";

export async function linkExternalIdentity(input: {
  provider: string;
  providerAccountId: string;
  type: string;
  email: string | null;
  name: string | null;
}) {
  const db = getDb();
  const existing = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { user: { select: { id: true } } },
  });
  if (existing) return existing.user;
  if (!input.email) throw new Error("The identity provider did not share an email address.");
  const email = input.email.toLowerCase();
  return db.$transaction(async (tx) => {
    const user =
      (await tx.user.findUnique({ where: { email }, select: { id: true } })) ??
      (await tx.user.create({ data: { email, name: input.name ?? email.split("@")[0]! }, select: { id: true } }));
    await tx.account.create({
      data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId, type: input.type },
    });
    return user;
  });
}
