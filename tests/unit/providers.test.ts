import { afterEach, describe, expect, it } from "vitest";
import { enabledProviders } from "@/lib/auth-providers";
import { githubProfileWithVerifiedEmail, providerVerifiedEmail } from "@/lib/provider-email";

const KEYS = ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET", "AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"];

describe("external sign-in providers", () => {
  afterEach(() => {
    for (const key of KEYS) delete process.env[key];
  });

  it("are off by default and switch on from environment variables alone", () => {
    expect(enabledProviders()).toEqual({ github: false, oidc: false });
    process.env.AUTH_GITHUB_ID = "id";
    expect(enabledProviders().github).toBe(false);
    process.env.AUTH_GITHUB_SECRET = "secret";
    expect(enabledProviders()).toEqual({ github: true, oidc: false });
    Object.assign(process.env, { AUTH_OIDC_ISSUER: "https://sso.example.test", AUTH_OIDC_ID: "verdict", AUTH_OIDC_SECRET: "s" });
    expect(enabledProviders()).toEqual({ github: true, oidc: true });
  });
});

describe("whether a provider vouches for the email it shares", () => {
  const githubUser = { id: 42, login: "octo", name: "Octo Cat", email: "public@example.test" };

  it("marks GitHub's primary email verified only when /user/emails says so", () => {
    const verified = githubProfileWithVerifiedEmail(githubUser, [
      { email: "old@example.test", primary: false, verified: true },
      { email: "octo@example.test", primary: true, verified: true },
    ]);
    expect(verified).toMatchObject({ email: "octo@example.test", email_verified: true });
    expect(providerVerifiedEmail(verified)).toBe(true);

    const unverified = githubProfileWithVerifiedEmail(githubUser, [{ email: "octo@example.test", primary: true, verified: false }]);
    expect(unverified).toMatchObject({ email: "octo@example.test", email_verified: false });
    expect(providerVerifiedEmail(unverified)).toBe(false);
  });

  it("treats GitHub's public profile email as unverified when the email list is unavailable", () => {
    const profile = githubProfileWithVerifiedEmail(githubUser, null);
    expect(profile).toMatchObject({ email: "public@example.test", email_verified: false });
    expect(providerVerifiedEmail(profile)).toBe(false);
    // Before GitHub's email list was read, the bare profile was taken at its word.
    expect(providerVerifiedEmail(githubUser)).toBe(false);
  });

  it("reads OIDC's email_verified claim, and nothing else, as verification", () => {
    expect(providerVerifiedEmail({ email: "a@example.test", email_verified: true })).toBe(true);
    expect(providerVerifiedEmail({ email: "a@example.test", email_verified: "true" })).toBe(true);
    expect(providerVerifiedEmail({ email: "a@example.test", email_verified: false })).toBe(false);
    expect(providerVerifiedEmail({ email: "a@example.test" })).toBe(false);
    expect(providerVerifiedEmail(undefined)).toBe(false);
  });
});
