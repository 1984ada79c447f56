import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/alert";
import { enabledProviders } from "@/lib/auth-providers";
import { currentActor, safeCallbackUrl } from "../../_lib/session";
import { AuthCard } from "../auth-card";
import { ProviderButtons } from "../provider-buttons";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await currentActor()) redirect(callbackUrl);

  const providers = enabledProviders();
  const signInHref =
    callbackUrl === "/projects" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  return (
    <AuthCard
      title="Create your account"
      description="Score options together, close the vote, and keep the decision record."
      footer={
        <>
          Already have an account?{" "}
          <Link href={signInHref} className="font-medium text-accent-text underline-offset-4 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      {callbackUrl.startsWith("/invites/") ? (
        <Alert tone="info" className="mb-5">
          Create an account to accept your invite. You will come straight back to it.
        </Alert>
      ) : null}
      <ProviderButtons
        github={providers.github}
        oidc={providers.oidc}
        oidcName={process.env.AUTH_OIDC_NAME || "single sign-on"}
        callbackUrl={callbackUrl}
      />
      <SignUpForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
