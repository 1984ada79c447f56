import { expect, it } from "vitest";
import { linkExternalIdentity } from "@/lib/server/external-identity";
import { makeUser } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

describeOnEachDatabase("external sign-in", (db) => {
  const identity = (email: string, emailVerified: boolean, id = `gh-${Math.random().toString(36).slice(2)}`) => ({
    provider: "github",
    providerName: "GitHub",
    providerAccountId: id,
    type: "oauth",
    email,
    emailVerified,
    name: "Octo",
  });

  it("refuses to link an unverified email to an existing account, and says why", async () => {
    const owner = await makeUser("Owner");
    const refused = await linkExternalIdentity(identity(owner.email, false)).catch((e) => e);
    expect(refused).toMatchObject({ code: "forbidden" });
    expect(refused.message).toMatch(/GitHub email address is not verified/);
    expect(await db().prisma.account.count({ where: { userId: owner.userId } })).toBe(0);
  });

  it("does not let an unverified email claim a new account either", async () => {
    await expect(linkExternalIdentity(identity("nobody-yet@example.test", false))).rejects.toMatchObject({ code: "forbidden" });
    expect(await db().prisma.user.count({ where: { email: "nobody-yet@example.test" } })).toBe(0);
  });

  it("links a verified email to the account with that email, and finds it again next time", async () => {
    const owner = await makeUser("Linked");
    const github = identity(owner.email.toUpperCase(), true, "gh-linked");
    expect(await linkExternalIdentity(github)).toEqual({ id: owner.userId });
    expect(await db().prisma.account.count({ where: { userId: owner.userId, provider: "github" } })).toBe(1);
    // Once linked, the identity itself is the key (the email may change on GitHub's side).
    expect(await linkExternalIdentity({ ...github, email: "changed@example.test", emailVerified: false })).toEqual({ id: owner.userId });
  });
});
