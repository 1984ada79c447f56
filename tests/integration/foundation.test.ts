import { describe, expect, it } from "vitest";
import { api, tokenFor } from "../support/api";
import { makeTeam, makeUser } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

describeOnEachDatabase("accounts, projects and roles", (db) => {
  it("signs up a user and refuses the same email twice with 409", async () => {
    const first = await api("POST", "/signup", { body: { email: "Ada@Example.test", password: "long enough pw", name: "Ada" } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ email: "ada@example.test", name: "Ada" });
    expect(first.body.password).toBeUndefined();
    const again = await api("POST", "/signup", { body: { email: "ada@example.test", password: "another one!", name: "Ada 2" } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already exists/);
  });

  it("stores passwords as argon2id hashes, never in clear", async () => {
    await api("POST", "/signup", { body: { email: "hash@example.test", password: "s3cret-password", name: "H" } });
    const user = await db().prisma.user.findUniqueOrThrow({ where: { email: "hash@example.test" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain("s3cret-password");
  });

  it("answers bad input with 400 or 422 and says where", async () => {
    const malformed = await api("POST", "/signup", { rawBody: "{not json", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("bad_request");

    const wrongTypes = await api("POST", "/signup", { body: { email: 42, password: true, name: [] } });
    expect(wrongTypes.status).toBe(422);
    const paths = wrongTypes.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password", "name"]));

    const unknown = await api("POST", "/signup", { body: { email: "x@example.test", password: "long enough", name: "X", admin: true } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toMatch(/Unknown field\(s\): admin/);

    const huge = await api("POST", "/signup", { rawBody: JSON.stringify({ name: "x".repeat(1_100_000) }) });
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toMatch(/larger than/);
  });

  it("refuses API calls without credentials (401) or with an unknown token (401)", async () => {
    expect((await api("GET", "/projects")).status).toBe(401);
    const bad = await api("GET", "/projects", { token: "vdt_not-a-real-token" });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe("unauthorized");
  });

  it("creates API tokens shown once and stored only as a hash; a token cannot mint another", async () => {
    const user = await makeUser("Tokens");
    const token = await tokenFor(user);
    const stored = await db().prisma.apiToken.findFirstOrThrow({ where: { userId: user.userId } });
    expect(stored.tokenHash).not.toBe(token);
    expect(JSON.stringify(stored)).not.toContain(token);
    const list = await api("GET", "/tokens", { token });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(token);
    const mint = await api("POST", "/tokens", { token, body: { name: "more" } });
    expect(mint.status).toBe(403);
  });

  it("makes the creator OWNER and lists only the caller's projects", async () => {
    const alice = await makeUser("Alice");
    const bob = await makeUser("Bob");
    const aliceToken = await tokenFor(alice);
    const created = await api("POST", "/projects", { token: aliceToken, body: { name: "Payments", description: "Team space" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Payments", role: "OWNER" });
    const detail = await api("GET", `/projects/${created.body.id}`, { token: aliceToken });
    expect(detail.body.members).toEqual([{ userId: alice.userId, name: "Alice", email: alice.email, role: "OWNER", joinedAt: expect.any(String) }]);
    const bobsList = await api("GET", "/projects", { token: await tokenFor(bob) });
    expect(bobsList.body.projects.map((p: { id: string }) => p.id)).not.toContain(created.body.id);
  });

  it("answers 404, not 403, to a non-member for every project call, so ids do not leak", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.stranger);
    const id = team.project.id;
    const calls = [
      await api("GET", `/projects/${id}`, { token }),
      await api("POST", `/projects/${id}/invites`, { token, body: { role: "MEMBER" } }),
      await api("PATCH", `/projects/${id}/members/${team.member.userId}`, { token, body: { role: "LEAD" } }),
      await api("DELETE", `/projects/${id}/members/${team.member.userId}`, { token }),
    ];
    for (const call of calls) {
      expect(call.status).toBe(404);
      expect(JSON.stringify(call.body)).not.toContain(team.project.name);
    }
    const unknown = await api("GET", `/projects/does-not-exist`, { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(calls[0]!.body);
  });

  it("lets every role read the project but only owners manage members (403 for the rest)", async () => {
    const team = await makeTeam();
    const id = team.project.id;
    for (const who of [team.owner, team.lead, team.member, team.auditor]) {
      const read = await api("GET", `/projects/${id}`, { token: await tokenFor(who) });
      expect(read.status).toBe(200);
      expect(read.body.members).toHaveLength(4);
    }
    for (const who of [team.lead, team.member, team.auditor]) {
      const token = await tokenFor(who);
      const invite = await api("POST", `/projects/${id}/invites`, { token, body: { role: "MEMBER" } });
      expect(invite.status).toBe(403);
      expect(invite.body.error.message).toMatch(/owners/);
      expect((await api("PATCH", `/projects/${id}/members/${team.member.userId}`, { token, body: { role: "LEAD" } })).status).toBe(403);
      expect((await api("DELETE", `/projects/${id}/members/${team.auditor.userId}`, { token })).status).toBe(403);
    }
  });

  it("invites by link with a role and an expiry; the link works once", async () => {
    const team = await makeTeam();
    const ownerToken = await tokenFor(team.owner);
    const invite = await api("POST", `/projects/${team.project.id}/invites`, { token: ownerToken, body: { role: "AUDITOR" } });
    expect(invite.status).toBe(201);
    expect(invite.body.url).toContain(`/invites/${invite.body.token}`);
    expect(new Date(invite.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    const newcomer = await makeUser("Newcomer");
    const accepted = await api("POST", `/invites/${invite.body.token}/accept`, { token: await tokenFor(newcomer) });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ projectId: team.project.id, role: "AUDITOR" });
    const reuse = await api("POST", `/invites/${invite.body.token}/accept`, { token: await tokenFor(team.stranger) });
    expect(reuse.status).toBe(409);
    const bogus = await api("POST", `/invites/nope/accept`, { token: await tokenFor(team.stranger) });
    expect(bogus.status).toBe(404);
    const badRole = await api("POST", `/projects/${team.project.id}/invites`, { token: ownerToken, body: { role: "ADMIN" } });
    expect(badRole.status).toBe(422);
    expect(badRole.body.error.details.issues[0].path).toBe("role");
  });

  it("refuses an expired invite", async () => {
    const team = await makeTeam();
    const invite = await api("POST", `/projects/${team.project.id}/invites`, { token: await tokenFor(team.owner), body: { role: "MEMBER" } });
    await db().prisma.invite.updateMany({ where: { projectId: team.project.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await api("POST", `/invites/${invite.body.token}/accept`, { token: await tokenFor(team.stranger) });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/expired/);
  });

  it("changes roles so the new role takes effect, and removes members", async () => {
    const team = await makeTeam();
    const ownerToken = await tokenFor(team.owner);
    const memberToken = await tokenFor(team.member);
    const promote = await api("PATCH", `/projects/${team.project.id}/members/${team.member.userId}`, { token: ownerToken, body: { role: "OWNER" } });
    expect(promote.status).toBe(200);
    const nowInvites = await api("POST", `/projects/${team.project.id}/invites`, { token: memberToken, body: { role: "MEMBER" } });
    expect(nowInvites.status).toBe(201);
    const removed = await api("DELETE", `/projects/${team.project.id}/members/${team.auditor.userId}`, { token: ownerToken });
    expect(removed.status).toBe(204);
    expect((await api("GET", `/projects/${team.project.id}`, { token: await tokenFor(team.auditor) })).status).toBe(404);
  });

  it("never lets the last owner be demoted or removed", async () => {
    const team = await makeTeam();
    const ownerToken = await tokenFor(team.owner);
    const demote = await api("PATCH", `/projects/${team.project.id}/members/${team.owner.userId}`, { token: ownerToken, body: { role: "LEAD" } });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/at least one owner/);
    const remove = await api("DELETE", `/projects/${team.project.id}/members/${team.owner.userId}`, { token: ownerToken });
    expect(remove.status).toBe(409);
    // With a second owner, the first may step down.
    await api("PATCH", `/projects/${team.project.id}/members/${team.lead.userId}`, { token: ownerToken, body: { role: "OWNER" } });
    const stepDown = await api("PATCH", `/projects/${team.project.id}/members/${team.owner.userId}`, { token: ownerToken, body: { role: "MEMBER" } });
    expect(stepDown.status).toBe(200);
  });

  it("keeps one owner even when two owners demote each other at the same time", async () => {
    const team = await makeTeam();
    const ownerToken = await tokenFor(team.owner);
    await api("PATCH", `/projects/${team.project.id}/members/${team.lead.userId}`, { token: ownerToken, body: { role: "OWNER" } });
    const leadToken = await tokenFor(team.lead);
    const results = await Promise.all([
      api("PATCH", `/projects/${team.project.id}/members/${team.lead.userId}`, { token: ownerToken, body: { role: "MEMBER" } }),
      api("PATCH", `/projects/${team.project.id}/members/${team.owner.userId}`, { token: leadToken, body: { role: "MEMBER" } }),
    ]);
    const owners = await db().prisma.membership.count({ where: { projectId: team.project.id, role: "OWNER" } });
    expect(owners).toBe(1);
    const statuses = results.map((r) => r.status);
    expect(statuses).toContain(200);
    expect(statuses.filter((s) => s !== 200)).toEqual([expect.toSatisfy((s: number) => s === 403 || s === 409)]);
  });

  it("writes an audit event with the hash chain for every change, in order", async () => {
    const team = await makeTeam();
    const events = await db().prisma.auditEvent.findMany({ where: { projectId: team.project.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual([
      "project.created",
      "invite.created", "member.joined",
      "invite.created", "member.joined",
      "invite.created", "member.joined",
    ]);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(events[0]!.prevHash).toBe("");
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
  });

  it("has the database refuse UPDATE, DELETE and TRUNCATE of audit events", async () => {
    const team = await makeTeam();
    await expect(db().sql(`UPDATE "AuditEvent" SET action = 'x' WHERE "projectId" = $1`, [team.project.id])).rejects.toThrow(/append-only/);
    await expect(db().sql(`DELETE FROM "AuditEvent" WHERE "projectId" = $1`, [team.project.id])).rejects.toThrow(/append-only/);
    await expect(db().sql(`TRUNCATE "AuditEvent" CASCADE`)).rejects.toThrow(/append-only/);
    await expect(db().prisma.auditEvent.deleteMany({ where: { projectId: team.project.id } })).rejects.toThrow();
    expect(await db().prisma.auditEvent.count({ where: { projectId: team.project.id } })).toBe(7);
  });

  it("reports the database engine that DATABASE_URL selects on /health", async () => {
    // The server names its engine from DATABASE_URL; point that at the kind of database this run uses.
    const setting = {
      pglite: { url: "file:./data/verdict", answer: "pglite" },
      postgresql: { url: "postgresql://postgres@127.0.0.1:5432/test", answer: "postgresql" },
    }[db().engine];
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = setting.url;
    try {
      const health = await api("GET", "/health");
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: "ok", database: setting.answer });
    } finally {
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  });
});

describe("test harness", () => {
  it("resolves dynamic API routes", async () => {
    await expect(api("GET", "/no-such-route")).rejects.toThrow(/no API route/);
  });
});
