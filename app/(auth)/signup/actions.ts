"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { clientAddress } from "@/lib/server/client-address";
import { signUp } from "@/lib/server/sign-up";
import { formStateFromError, formString, type FormState } from "../../_lib/form-state";
import { safeCallbackUrl } from "../../_lib/session";

export async function signUpWithPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const name = formString(formData, "name");
  const email = formString(formData, "email");
  const password = formString(formData, "password");
  const redirectTo = safeCallbackUrl(formData.get("callbackUrl"));
  const values = { name, email };
  try {
    await signUp({ email, password, name }, { client: clientAddress(await headers()) });
  } catch (error) {
    return formStateFromError(error, values);
  }
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) {
      const rateLimited = (error as AuthError & { code?: string }).code === "rate_limited";
      return {
        status: "error",
        message: rateLimited
          ? "Your account is ready, but sign-in is paused after too many attempts from this network. Wait 15 minutes, then sign in."
          : "Your account is ready, but signing you in did not work. Sign in with your new password.",
        values,
      };
    }
    throw error;
  }
  return { status: "idle" };
}
