"use server";

import { revalidatePath } from "next/cache";
import { changeName } from "@/lib/server/account/change-name";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";
import { updateNotificationPreferences } from "@/lib/server/notifications/preferences";
import { NOTIFICATION_KINDS } from "@/lib/domain/notifications";
import { formStateFromError, formString, type FormState } from "../_lib/form-state";
import { requireActor } from "../_lib/session";

export interface TokenState extends FormState {
  created?: { name: string; token: string };
}

export async function createTokenAction(_previous: TokenState, formData: FormData): Promise<TokenState> {
  const actor = await requireActor("/settings");
  const name = formString(formData, "name");
  try {
    const token = await createApiToken(actor, { name });
    revalidatePath("/settings");
    return { status: "success", created: { name: token.name, token: token.token } };
  } catch (error) {
    return formStateFromError(error, { name });
  }
}

export async function revokeTokenAction(tokenId: string): Promise<FormState> {
  const actor = await requireActor("/settings");
  try {
    await revokeApiToken(actor, tokenId);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/settings");
  return { status: "success", message: "Token revoked." };
}

export async function changeNameAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/settings");
  const name = formString(formData, "name");
  try {
    await changeName(actor, { name });
  } catch (error) {
    return formStateFromError(error, { name });
  }
  // The top bar shows the name on every page.
  revalidatePath("/", "layout");
  return { status: "success", message: "Name saved.", values: { name: name.trim() } };
}

export async function saveNotificationPreferencesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/settings");
  const preferences = NOTIFICATION_KINDS.map((kind) => ({ kind, email: formData.get(`email-${kind}`) === "on" }));
  try {
    await updateNotificationPreferences(actor, { preferences });
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/settings");
  return { status: "success", message: "Notification settings saved." };
}
