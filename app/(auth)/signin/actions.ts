"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { formString, type FormState } from "../../_lib/form-state";
import { safeCallbackUrl } from "../../_lib/session";

export async function signInWithPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const email = formString(formData, "email").trim();
  const password = formString(formData, "password");
  const redirectTo = safeCallbackUrl(formData.get("callbackUrl"));
  if (!email || !password) {
    return {
      status: "error",
      message: "Enter your email and password.",
      fieldErrors: {
        ...(email ? {} : { email: "Enter your email." }),
        ...(password ? {} : { password: "Enter your password." }),
      },
      values: { email },
    };
  }
  try {
    // On success this throws Next's redirect, which must travel on untouched.
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      const code = (error as AuthError & { code?: string }).code;
      return {
        status: "error",
        message:
          code === "rate_limited"
            ? "Too many sign-in attempts. Wait 15 minutes and try again."
            : code === "database_unavailable"
              ? "The database is unavailable, try again in a moment."
              : "Wrong email or password.",
        values: { email },
      };
    }
    throw error;
  }
  return { status: "idle" };
}

export async function signInWithProvider(provider: "github" | "oidc", callbackUrl: string) {
  if (provider !== "github" && provider !== "oidc") throw new Error("Unknown sign-in provider.");
  await signIn(provider, { redirectTo: safeCallbackUrl(callbackUrl) });
}
