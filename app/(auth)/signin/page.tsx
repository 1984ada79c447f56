import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/alert";
import { enabledProviders } from "@/lib/auth-providers";
import { currentActor, safeCallbackUrl } from "../../_lib/session";
import { AuthCard } from "../auth-card";
import { ProviderButtons } from "../provider-buttons";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js sends people back here with ?error=<type> when an external sign-in fails.
const PROVIDER_ERRORS: Record<string, string> = {
  AccessDenied: "Access was denied. Your account may not be allowed to sign in here.",
  Configuration: "Sign-in is not set up correctly on this server. Tell your administrator.",
  OAuthAccountNotLinked:
    "This email already belongs to an account that signs in another way. Use that way instead.",
  CredentialsSignin: "Wrong email or password.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await currentActor()) redirect(callbackUrl);

  const errorType = typeof params.error === "string" ? params.error : undefined;
  const providerName = typeof params.provider === "string" ? params.provider.slice(0, 40) : "provider";
  const initialError = errorType
    ? params.code === "rate_limited"
      ? "Too many sign-in attempts. Wait 15 minutes and try again."
      : errorType === "UnverifiedEmail"
        ? `Your ${providerName} email address is not verified, so it cannot be linked to an account here. Verify it with ${providerName} and try again, or sign in with your password.`
        : (PROVIDER_ERRORS[errorType] ?? "Sign-in did not complete. Try again.")
    : undefined;
  const providers = enabledProviders();
  const forInvite = callbackUrl.startsWith("/invites/");
  const signUpHref =
    callbackUrl === "/projects" ? "/signup" : `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  return (
    <AuthCard
      title="Sign in to Verdict"
      description="Welcome back. Pick up where your team left off."
      footer={
        <>
          New to Verdict?{" "}
          <Link href={signUpHref} className="font-medium text-accent-text underline-offset-4 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      {forInvite ? (
        <Alert tone="info" className="mb-5">
          Sign in to accept your invite. No account yet? Create one and you will come straight back.
        </Alert>
      ) : null}
      <ProviderButtons
        github={providers.github}
        oidc={providers.oidc}
        oidcName={process.env.AUTH_OIDC_NAME || "single sign-on"}
        callbackUrl={callbackUrl}
      />
      <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
    </AuthCard>
  );
}
