import { afterEach, describe, expect, it } from "vitest";
import { enabledProviders } from "@/lib/auth-providers";

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
