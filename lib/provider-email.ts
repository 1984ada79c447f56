// Whether an external identity provider vouches for the email it hands over. Only a vouched-for
// email may join an existing Verdict account (or claim a new one), or anyone could register that
// address with the provider and walk into the account.

export interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/**
 * GitHub's /user profile says nothing about verification; /user/emails does. The profile gets the
 * primary address from that list, marked verified only when GitHub says so.
 */
export function githubProfileWithVerifiedEmail<P extends Record<string, unknown>>(
  profile: P,
  emails: GitHubEmail[] | null,
): P & { email: string | null; email_verified: boolean } {
  const primary = emails?.find((entry) => entry.primary) ?? null;
  if (!primary) return { ...profile, email: (profile.email as string | null) ?? null, email_verified: false };
  return { ...profile, email: primary.email, email_verified: primary.verified === true };
}

/** OIDC's standard claim, and the same claim our GitHub profile carries. */
export function providerVerifiedEmail(profile: Record<string, unknown> | undefined | null): boolean {
  const claim = profile?.email_verified;
  // Some OIDC servers send the claim as a string.
  return claim === true || claim === "true";
}
