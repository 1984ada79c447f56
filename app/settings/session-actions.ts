"use server";

import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth";
import { changePassword } from "@/lib/server/account/change-password";
import { revokeAllSessions } from "@/lib/server/sessions/revoke-all-sessions";
import { revokeSession } from "@/lib/server/sessions/revoke-session";
import { formStateFromError, formString, type FormState } from "../_lib/form-state";
import { requireActor } from "../_lib/session";

export async function revokeSessionAction(sessionId: string): Promise<FormState> {
  const actor = await requireActor("/settings");
  try {
    await revokeSession(actor, sessionId);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/settings");
  return { status: "success", message: "Signed out." };
}

export async function signOutEverywhereAction() {
  const actor = await requireActor("/settings");
  await revokeAllSessions(actor);
  await signOut({ redirectTo: "/signin" });
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/settings");
  try {
    const { revoked } = await changePassword(actor, {
      currentPassword: formString(formData, "currentPassword"),
      newPassword: formString(formData, "newPassword"),
    });
    revalidatePath("/settings");
    return {
      status: "success",
      message:
        revoked > 0
          ? `Password changed. ${revoked === 1 ? "One other browser was" : `${revoked} other browsers were`} signed out.`
          : "Password changed.",
    };
  } catch (error) {
    return formStateFromError(error);
  }
}
