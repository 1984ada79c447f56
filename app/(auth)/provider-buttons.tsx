// GitHub and single sign-on, shown only when the server has them configured.
import { buttonClasses } from "@/components/button";
import { GitHubIcon, KeyIcon } from "@/components/icons";
import { signInWithProvider } from "./signin/actions";
import { Divider } from "./auth-card";

export function ProviderButtons({
  github,
  oidc,
  oidcName,
  callbackUrl,
}: {
  github: boolean;
  oidc: boolean;
  oidcName: string;
  callbackUrl: string;
}) {
  if (!github && !oidc) return null;
  return (
    <>
      <div className="space-y-3">
        {github ? (
          <form action={signInWithProvider.bind(null, "github", callbackUrl)}>
            <button type="submit" className={buttonClasses({ variant: "secondary", className: "w-full" })}>
              <GitHubIcon className="size-4" />
              Continue with GitHub
            </button>
          </form>
        ) : null}
        {oidc ? (
          <form action={signInWithProvider.bind(null, "oidc", callbackUrl)}>
            <button type="submit" className={buttonClasses({ variant: "secondary", className: "w-full" })}>
              <KeyIcon className="size-4" />
              Continue with {oidcName}
            </button>
          </form>
        ) : null}
      </div>
      <Divider>or with email</Divider>
    </>
  );
}
