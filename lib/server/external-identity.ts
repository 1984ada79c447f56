import "server-only";
import { getDb } from "../db";
import { AppError } from "../errors";

/** Thrown when a provider's email is not verified; the sign-in page explains it. */
export class UnverifiedProviderEmail extends AppError {
  constructor(readonly providerName: string) {
    super(
      "forbidden",
      `Your ${providerName} email address is not verified. Verify it with ${providerName}, then try again, or sign in with your password.`,
    );
  }
}

export async function linkExternalIdentity(input: {
  provider: string;
  providerName?: string;
  providerAccountId: string;
  type: string;
  email: string | null;
  /** Whether the provider itself verified `email`. */
  emailVerified: boolean;
  name: string | null;
}) {
  const db = getDb();
  const existing = await db.account.findUnique({
    where: {
      provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId },
    },
    select: { user: { select: { id: true } } },
  });
  if (existing) return existing.user;
  if (!input.email) throw new Error("The identity provider did not share an email address.");
  // An unverified address must neither join an existing account nor claim the address for later.
  if (!input.emailVerified) throw new UnverifiedProviderEmail(input.providerName ?? input.provider);
  const email = input.email.toLowerCase();
  return db.$transaction(async (tx) => {
    const user =
      (await tx.user.findUnique({ where: { email }, select: { id: true } })) ??
      (await tx.user.create({
        data: { email, name: input.name ?? email.split("@")[0]! },
        select: { id: true },
      }));
    await tx.account.create({
      data: {
        userId: user.id,
        provider: input.provider,
        providerAccountId: input.providerAccountId,
        type: input.type,
      },
    });
    return user;
  });
}
