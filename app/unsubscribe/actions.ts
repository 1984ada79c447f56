"use server";

import { NOTIFICATION_KIND_LABELS } from "@/lib/domain/notifications";
import { unsubscribeWithToken } from "@/lib/server/notifications/preferences";
import { formStateFromError, formString, type FormState } from "../_lib/form-state";

/** No sign-in: the signed token is the permission. */
export async function unsubscribeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const { kind, email } = await unsubscribeWithToken(formString(formData, "token"));
    return {
      status: "success",
      message: `No more “${NOTIFICATION_KIND_LABELS[kind].label}” emails to ${email}. They still appear in your inbox.`,
    };
  } catch (error) {
    return formStateFromError(error);
  }
}
