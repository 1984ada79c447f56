import { expect, it } from "vitest";
import { changePassword } from "@/lib/server/account/change-password";
import { listSessions } from "@/lib/server/sessions/list-sessions";
import { revokeAllSessions } from "@/lib/server/sessions/revoke-all-sessions";
import { revokeSession } from "@/lib/server/sessions/revoke-session";
import { sessionOf, signInBrowser, signOutBrowser } from "../support/browser-session";
import { makeUser } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

const PASSWORD = "correct horse battery";

describeOnEachDatabase("sessions", (db) => {
  it("a copied session cookie stops working once its owner signs out", async () => {
    const user = await makeUser("Leaver");
    const browser = await signInBrowser(user.email, PASSWORD);
    expect((await sessionOf(browser)).userId).toBe(user.userId);
    const stolen = browser.copy();

    await signOutBrowser(browser);
    expect((await sessionOf(stolen)).userId).toBeNull();
  });

  it("signs out every browser at once, and one browser alone from the settings list", async () => {
    const user = await makeUser("Roamer");
    const laptop = await signInBrowser(user.email, PASSWORD);
    const phone = await signInBrowser(user.email, PASSWORD);
    const tablet = await signInBrowser(user.email, PASSWORD);
    const laptopSession = (await sessionOf(laptop)).sessionId!;
    const actor = { userId: user.userId, via: "session" as const, sessionId: laptopSession };

    const listed = await listSessions(actor);
    expect(listed).toHaveLength(3);
    expect(listed.filter((s) => s.current).map((s) => s.id)).toEqual([laptopSession]);
    expect(listed[0]!.id).toBe(laptopSession);
    expect(listed[0]!.userAgent).toBe("Vitest Browser/1.0");

    await revokeSession(actor, (await sessionOf(tablet)).sessionId!);
    expect((await sessionOf(tablet)).userId).toBeNull();
    expect((await sessionOf(phone)).userId).toBe(user.userId);
    await expect(revokeSession({ ...actor, userId: (await makeUser("Other")).userId }, (await sessionOf(phone)).sessionId!)).rejects.toMatchObject({ code: "not_found" });

    await revokeAllSessions(actor);
    expect((await sessionOf(laptop)).userId).toBeNull();
    expect((await sessionOf(phone)).userId).toBeNull();
  });

  it("changing the password signs out every other browser but keeps this one", async () => {
    const user = await makeUser("Changer");
    const here = await signInBrowser(user.email, PASSWORD);
    const elsewhere = await signInBrowser(user.email, PASSWORD);
    const actor = { userId: user.userId, via: "session" as const, sessionId: (await sessionOf(here)).sessionId! };

    await expect(changePassword(actor, { currentPassword: "not it", newPassword: "a brand new secret" })).rejects.toMatchObject({ code: "unprocessable" });
    expect((await sessionOf(elsewhere)).userId).toBe(user.userId);

    await changePassword(actor, { currentPassword: PASSWORD, newPassword: "a brand new secret" });
    expect((await sessionOf(elsewhere)).userId).toBeNull();
    expect((await sessionOf(here)).userId).toBe(user.userId);
    expect((await sessionOf(await signInBrowser(user.email, "a brand new secret"))).userId).toBe(user.userId);
    expect((await sessionOf(await signInBrowser(user.email, PASSWORD))).userId).toBeNull();
  });

  it("ends sessions when they reach SESSION_MAX_AGE_DAYS or their account is removed", async () => {
    process.env.SESSION_MAX_AGE_DAYS = "1";
    try {
      const user = await makeUser("Short");
      const browser = await signInBrowser(user.email, PASSWORD);
      const { sessionId } = await sessionOf(browser);
      const row = await db().prisma.userSession.findUniqueOrThrow({ where: { id: sessionId! } });
      expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(24 * 3600 * 1000, -4);
      await db().prisma.userSession.update({ where: { id: sessionId! }, data: { expiresAt: new Date(Date.now() - 1000) } });
      expect((await sessionOf(browser)).userId).toBeNull();

      const removed = await makeUser("Removed");
      const theirs = await signInBrowser(removed.email, PASSWORD);
      await db().prisma.user.delete({ where: { id: removed.userId } });
      expect((await sessionOf(theirs)).userId).toBeNull();
    } finally {
      delete process.env.SESSION_MAX_AGE_DAYS;
    }
  });
});
