// Email on or off per kind, for the caller (Settings, the API) or for the user an unsubscribe link names.
import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { NOTIFICATION_KINDS, type NotificationKindName } from "../../domain/notifications";
import { updatePreferencesSchema, type PreferencesView } from "../../schemas/notification";
import type { Actor } from "../actor";
import { parseInput } from "../parse-input";
import { smtpUrl } from "./settings";
import { readUnsubscribeToken } from "./unsubscribe-token";

export async function getNotificationPreferences(actor: Actor): Promise<PreferencesView> {
  const rows = await getDb().notificationPreference.findMany({
    where: { userId: actor.userId },
    select: { kind: true, email: true },
  });
  const stored = new Map(rows.map((row) => [row.kind, row.email]));
  return {
    emailAvailable: smtpUrl() !== null,
    preferences: NOTIFICATION_KINDS.map((kind) => ({
      kind,
      inbox: true as const,
      email: stored.get(kind) ?? true,
    })),
  };
}

async function setEmail(userId: string, kind: NotificationKindName, email: boolean) {
  await getDb().notificationPreference.upsert({
    where: { userId_kind: { userId, kind } },
    create: { userId, kind, email },
    update: { email },
  });
}

export async function updateNotificationPreferences(actor: Actor, raw: unknown): Promise<PreferencesView> {
  const { preferences } = parseInput(updatePreferencesSchema, raw);
  await getDb().$transaction(
    preferences.map(({ kind, email }) =>
      getDb().notificationPreference.upsert({
        where: { userId_kind: { userId: actor.userId, kind } },
        create: { userId: actor.userId, kind, email },
        update: { email },
      }),
    ),
  );
  return getNotificationPreferences(actor);
}

/** Turns one kind's email off for the user the signed token names; no sign-in needed. */
export async function unsubscribeWithToken(
  token: string,
): Promise<{ kind: NotificationKindName; email: string }> {
  const claim = readUnsubscribeToken(token);
  if (!claim)
    throw new AppError(
      "not_found",
      "This unsubscribe link is not valid. Change your email settings under Settings instead.",
    );
  const user = await getDb().user.findUnique({ where: { id: claim.userId }, select: { email: true } });
  if (!user)
    throw new AppError(
      "not_found",
      "This unsubscribe link is not valid. Change your email settings under Settings instead.",
    );
  await setEmail(claim.userId, claim.kind, false);
  return { kind: claim.kind, email: user.email };
}
