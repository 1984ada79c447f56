import { afterEach, expect, it } from "vitest";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { api } from "../support/api";
import { makeUser } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

describeOnEachDatabase("limits on creating accounts and tokens", () => {
  afterEach(() => {
    delete process.env.SIGNUP_MAX_PER_HOUR;
    delete process.env.TOKEN_CREATE_MAX_PER_HOUR;
    delete process.env.TRUSTED_PROXIES;
  });

  it("answers sign-up floods from one address with 429 and Retry-After, while other addresses still sign up", async () => {
    process.env.SIGNUP_MAX_PER_HOUR = "2";
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    const from = (address: string) => ({ "x-forwarded-for": `${address}, 10.0.0.1` });
    for (let i = 0; i < 2; i++) {
      const ok = await api("POST", "/signup", { headers: from("198.51.100.1"), body: { email: `flood${i}@example.test`, password: "long enough pw", name: "F" } });
      expect(ok.status).toBe(201);
    }
    const refused = await api("POST", "/signup", { headers: from("198.51.100.1"), body: { email: "flood9@example.test", password: "long enough pw", name: "F" } });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    const elsewhere = await api("POST", "/signup", { headers: from("198.51.100.2"), body: { email: "other@example.test", password: "long enough pw", name: "O" } });
    expect(elsewhere.status).toBe(201);
  });

  it("limits API tokens created per user per hour", async () => {
    process.env.TOKEN_CREATE_MAX_PER_HOUR = "3";
    const user = await makeUser("Minter");
    for (let i = 0; i < 3; i++) await createApiToken(user, { name: `t${i}` });
    const refused = await createApiToken(user, { name: "one too many" }).catch((e) => e);
    expect(refused).toMatchObject({ code: "rate_limited" });
    expect(refused.details.retryAfterSeconds).toBeGreaterThan(0);
    // Someone else is not affected.
    await expect(createApiToken(await makeUser("Other"), { name: "mine" })).resolves.toMatchObject({ name: "mine" });
  });
});
