import { afterEach, expect, it } from "vitest";
import { checkCredentials } from "@/lib/server/sign-in";
import { makeUser } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

describeOnEachDatabase("signing in", () => {
  afterEach(() => {
    delete process.env.SIGNIN_MAX_ATTEMPTS;
  });

  it("accepts the right password and refuses a wrong one with a clear message", async () => {
    const user = await makeUser("Signer");
    await expect(checkCredentials({ email: user.email, password: "correct horse battery" }, "10.0.0.1")).resolves.toMatchObject({ id: user.userId });
    await expect(checkCredentials({ email: user.email, password: "nope" }, "10.0.0.1")).rejects.toMatchObject({ code: "unauthorized", message: "Wrong email or password." });
    await expect(checkCredentials({ email: "nobody@example.test", password: "whatever" }, "10.0.0.1")).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("rate-limits failed attempts per email, even with the right password afterwards", async () => {
    process.env.SIGNIN_MAX_ATTEMPTS = "3";
    const user = await makeUser("Target");
    for (let i = 0; i < 3; i++) {
      await expect(checkCredentials({ email: user.email, password: "guess" + i }, `10.1.0.${i}`)).rejects.toMatchObject({ code: "unauthorized" });
    }
    await expect(checkCredentials({ email: user.email, password: "correct horse battery" }, "10.1.0.99")).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("rate-limits failed attempts per IP address across different emails", async () => {
    process.env.SIGNIN_MAX_ATTEMPTS = "3";
    const victim = await makeUser("Victim");
    for (let i = 0; i < 3; i++) {
      await expect(checkCredentials({ email: `spray${i}@example.test`, password: "guess" }, "10.2.0.7")).rejects.toMatchObject({ code: "unauthorized" });
    }
    await expect(checkCredentials({ email: victim.email, password: "correct horse battery" }, "10.2.0.7")).rejects.toMatchObject({ code: "rate_limited" });
    // Another address is not affected.
    await expect(checkCredentials({ email: victim.email, password: "correct horse battery" }, "10.2.0.8")).resolves.toMatchObject({ id: victim.userId });
  });
});
