// Page guards: who is signed in, and where to send them back to after signing in.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getProfile } from "@/lib/server/account/get-profile";
import { sessionActor, type Actor } from "@/lib/server/actor";
import { unreadCount } from "@/lib/server/notifications/inbox";

/** Only same-site paths may follow sign-in; anything else (//evil.com, https://…) goes to /projects. */
export function safeCallbackUrl(raw: unknown, fallback = "/projects"): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\"))
    return fallback;
  return raw;
}

export function signInUrl(callbackPath: string) {
  return `/signin?callbackUrl=${encodeURIComponent(callbackPath)}`;
}

/** The signed-in actor or null, looked up once per request however many components ask. */
export const currentActor = cache(sessionActor);

/** The signed-in actor, or a redirect to sign in that comes back to `callbackPath`. */
export async function requireActor(callbackPath: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(signInUrl(callbackPath));
  return actor;
}

/** The name and email to show for the signed-in user, as the account holds them now. */
export const sessionProfile = cache(async (): Promise<{ name: string; email: string; unreadCount: number } | null> => {
  const actor = await currentActor();
  if (!actor) return null;
  // A session can outlive its user (e.g. a reset database): only existing users count as signed in.
  const [user, unread] = await Promise.all([getProfile(actor), unreadCount(actor)]);
  if (!user) return null;
  return { name: user.name.trim() || user.email.split("@")[0] || "Account", email: user.email, unreadCount: unread };
});
