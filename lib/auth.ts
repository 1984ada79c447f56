// Auth.js: email + password always; GitHub and generic OIDC only when their variables are set.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import type { Provider } from "next-auth/providers";
import { AppError, isDatabaseUnavailable } from "./errors";
import { checkCredentials } from "./server/sign-in";
import { clientAddress } from "./server/client-address";
import { linkExternalIdentity, UnverifiedProviderEmail } from "./server/external-identity";
import { githubProfileWithVerifiedEmail, providerVerifiedEmail, type GitHubEmail } from "./provider-email";
import { enabledProviders } from "./auth-providers";
import { authSecret } from "./auth-secret";
import { checkSession } from "./server/sessions/check-session";
import { endSession } from "./server/sessions/end-session";
import { sessionMaxAgeSeconds } from "./server/sessions/lifetime";
import { startSession } from "./server/sessions/start-session";

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

const GITHUB_USER_URL = "https://api.github.com/user";

/** GitHub's profile, with its primary email and whether GitHub verified it (from /user/emails). */
async function githubUserinfo({ tokens }: { tokens: { access_token?: string } }) {
  const headers = { Authorization: `Bearer ${tokens.access_token}`, "User-Agent": "verdict" };
  const profile = (await (await fetch(GITHUB_USER_URL, { headers })).json()) as Record<string, unknown>;
  const emails = await fetch(`${GITHUB_USER_URL}/emails`, { headers });
  return githubProfileWithVerifiedEmail(profile, emails.ok ? ((await emails.json()) as GitHubEmail[]) : null);
}

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        try {
          return await checkCredentials(credentials, clientAddress(request?.headers));
        } catch (error) {
          if (error instanceof AppError) {
            throw new SignInRefused(error.code === "rate_limited" ? "rate_limited" : "wrong_credentials");
          }
          // Anything else thrown here reaches the form as a bare "Configuration" error.
          if (isDatabaseUnavailable(error)) throw new SignInRefused("database_unavailable");
          throw error;
        }
      },
    }),
  ];
  const enabled = enabledProviders();
  if (enabled.github) list.push(GitHub({ userinfo: { url: GITHUB_USER_URL, request: githubUserinfo } }));
  if (enabled.oidc) {
    list.push({
      id: "oidc",
      name: process.env.AUTH_OIDC_NAME ?? "Single sign-on",
      type: "oidc",
      issuer: process.env.AUTH_OIDC_ISSUER,
      clientId: process.env.AUTH_OIDC_ID,
      clientSecret: process.env.AUTH_OIDC_SECRET,
    });
  }
  return list;
}

// Built per request so a new session row can note the browser that signed in.
export const { handlers, auth, signIn, signOut } = NextAuth((request) => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
  pages: { signIn: "/signin" },
  providers: providers(),
  callbacks: {
    async signIn({ user, account, profile }) {
      if (!account || account.type === "credentials") return true;
      // External identities become (or join) a Verdict user with the same verified email.
      const providerName =
        account.provider === "github" ? "GitHub" : (process.env.AUTH_OIDC_NAME ?? "single sign-on");
      try {
        const linked = await linkExternalIdentity({
          provider: account.provider,
          providerName,
          providerAccountId: account.providerAccountId,
          type: account.type,
          email: user.email ?? (profile?.email as string | undefined) ?? null,
          emailVerified: providerVerifiedEmail(profile),
          name: user.name ?? null,
        });
        user.id = linked.id;
        return true;
      } catch (error) {
        if (error instanceof UnverifiedProviderEmail) {
          return `/signin?error=UnverifiedEmail&provider=${encodeURIComponent(error.providerName)}`;
        }
        throw error;
      }
    },
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = await startSession(
          user.id,
          request?.headers.get("user-agent") ?? (await requestUserAgent()),
        );
        return token;
      }
      // Every later read asks the session row: a revoked or expired one (or a cookie from before
      // sessions had rows) signs this cookie out, wherever it was copied to.
      if (typeof token.sid !== "string") return null;
      let active: Awaited<ReturnType<typeof checkSession>>;
      try {
        active = await checkSession(token.sid);
      } catch (error) {
        // With the database away nothing can be read or written anyway: keep the signed cookie so the
        // caller is told "database unavailable" (503, the outage page) rather than "signed out".
        if (isDatabaseUnavailable(error)) return token;
        throw error;
      }
      return active && active.userId === token.sub ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(sid);
    },
  },
}));

declare module "next-auth" {
  interface Session {
    /** The session row behind this cookie. */
    sessionId?: string;
  }
}

/** Server actions call Auth.js without a request: their headers come from Next. */
async function requestUserAgent(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get("user-agent");
  } catch {
    return null; // outside a request (scripts, tests)
  }
}
