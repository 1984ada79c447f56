import { afterEach, expect, it, vi } from "vitest";
import { checkCredentials } from "@/lib/server/sign-in";
import { makeUser } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

const RIGHT = "correct horse battery";

function outcome(promise: Promise<unknown>) {
  return promise.then(
    () => "signed in",
    (error: { code?: string }) => error.code ?? "crashed",
  );
}

describeOnEachDatabase("signing in", (db) => {
  afterEach(() => {
    delete process.env.SIGNIN_MAX_ATTEMPTS;
    delete process.env.SIGNIN_SLOWDOWN_MAX_MS;
    vi.useRealTimers();
  });

  it("accepts the right password and refuses a wrong one with a clear message", async () => {
    const user = await makeUser("Signer");
    await expect(checkCredentials({ email: user.email, password: RIGHT }, "10.0.0.1")).resolves.toMatchObject({ id: user.userId });
    await expect(checkCredentials({ email: user.email, password: "nope" }, "10.0.0.1")).rejects.toMatchObject({ code: "unauthorized", message: "Wrong email or password." });
    await expect(checkCredentials({ email: "nobody@example.test", password: "whatever" }, "10.0.0.1")).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("refuses an address that kept failing on one email, even with the right password, and says when to retry", async () => {
    process.env.SIGNIN_MAX_ATTEMPTS = "3";
    const user = await makeUser("Target");
    for (let i = 0; i < 3; i++) {
      await expect(checkCredentials({ email: user.email, password: "guess" + i }, "10.1.0.1")).rejects.toMatchObject({ code: "unauthorized" });
    }
    const refused = await checkCredentials({ email: user.email, password: RIGHT }, "10.1.0.1").catch((e) => e);
    expect(refused).toMatchObject({ code: "rate_limited" });
    expect(refused.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.details.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it("lets a concurrent burst of 40 wrong passwords check no more than the allowed number", async () => {
    process.env.SIGNIN_MAX_ATTEMPTS = "10";
    const user = await makeUser("Burst");
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => outcome(checkCredentials({ email: user.email, password: `burst-${i}` }, "10.3.0.1"))),
    );
    expect(results.filter((r) => r === "unauthorized")).toHaveLength(10);
    expect(results.filter((r) => r === "rate_limited")).toHaveLength(30);
  });

  it("the right password still works for the owner after 50 failures from other addresses, only slower", async () => {
    process.env.SIGNIN_MAX_ATTEMPTS = "10";
    process.env.SIGNIN_SLOWDOWN_MAX_MS = "300";
    const owner = await makeUser("Owner");
    const attackers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => outcome(checkCredentials({ email: owner.email, password: `spray-${i}` }, `203.0.113.${i + 1}`))),
    );
    expect(attackers.every((r) => r === "unauthorized")).toBe(true);
    const started = performance.now();
    await expect(checkCredentials({ email: owner.email, password: RIGHT }, "198.51.100.7")).resolves.toMatchObject({ id: owner.userId });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("does not refuse the right password because of other accounts' failures from the same address", async () => {
    process.env.SIGNIN_MAX_ATTEMPTS = "3";
    process.env.SIGNIN_SLOWDOWN_MAX_MS = "50";
    const colleague = await makeUser("Colleague");
    for (let i = 0; i < 6; i++) {
      await expect(checkCredentials({ email: `spray${i}@example.test`, password: "guess" }, "10.2.0.7")).rejects.toMatchObject({ code: "unauthorized" });
    }
    await expect(checkCredentials({ email: colleague.email, password: RIGHT }, "10.2.0.7")).resolves.toMatchObject({ id: colleague.userId });
  });

  it("spends as long on an unknown email as on a wrong password", async () => {
    const user = await makeUser("Timing");
    const attempt = async (email: string, i: number) => {
      const started = performance.now();
      await checkCredentials({ email, password: `wrong-${i}` }, `10.4.0.${i}`).catch(() => undefined);
      return performance.now() - started;
    };
    // Interleaved, and compared by their fastest runs: a busy machine only ever adds time, so the
    // minimum is the cost of the work itself.
    const wrongPassword: number[] = [];
    const unknownEmail: number[] = [];
    for (let i = 0; i < 7; i++) {
      wrongPassword.push(await attempt(user.email, i));
      unknownEmail.push(await attempt("nobody-here@example.test", i));
    }
    expect(Math.min(...unknownEmail)).toBeGreaterThan(Math.min(...wrongPassword) * 0.6);
  });

  it("forgets attempts once their window has passed and deletes the old rows", async () => {
    process.env.SIGNIN_MAX_ATTEMPTS = "2";
    const user = await makeUser("Patient");
    for (let i = 0; i < 2; i++) await checkCredentials({ email: user.email, password: `x${i}` }, "10.5.0.1").catch(() => undefined);
    await expect(checkCredentials({ email: user.email, password: RIGHT }, "10.5.0.1")).rejects.toMatchObject({ code: "rate_limited" });
    const before = (await db().sql(`SELECT count(*)::int AS n FROM "RateLimitBucket"`)) as { n: number }[];
    expect(before[0]!.n).toBeGreaterThan(0);

    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 16 * 60 * 1000 });
    await expect(checkCredentials({ email: user.email, password: RIGHT }, "10.5.0.1")).resolves.toMatchObject({ id: user.userId });
    const stale = (await db().sql(`SELECT count(*)::int AS n FROM "RateLimitBucket" WHERE "expiresAt" < $1`, [new Date()])) as { n: number }[];
    expect(stale[0]!.n).toBe(0);
  });
});
