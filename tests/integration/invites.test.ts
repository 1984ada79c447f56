import { expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { acceptInvite } from "@/lib/server/members/accept-invite";
import { createInvites } from "@/lib/server/members/create-invites";
import { listPendingInvites } from "@/lib/server/members/list-invites";
import { revokeInvite } from "@/lib/server/members/revoke-invite";
import { api, tokenFor } from "../support/api";
import { makeTeam, makeUser } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

const tokens = new Map<string, string>();
async function token(actor: Actor) {
  if (!tokens.has(actor.userId)) tokens.set(actor.userId, await tokenFor(actor));
  return tokens.get(actor.userId)!;
}

describeOnEachDatabase("invites: several at once, pending list, revoke", (db) => {
  it("creates one labelled link per name, or a count of unlabelled ones, each audited", async () => {
    const team = await makeTeam();
    const labelled = await createInvites(team.owner, team.project.id, {
      role: "MEMBER",
      labels: ["dana@example.test", "Omar (data team)"],
      count: 5,
    });
    expect(labelled.map((i) => i.label)).toEqual(["dana@example.test", "Omar (data team)"]);
    expect(new Set(labelled.map((i) => i.token)).size).toBe(2);
    const counted = await createInvites(team.owner, team.project.id, { role: "AUDITOR", count: "3" });
    expect(counted).toHaveLength(3);
    expect(counted.every((i) => i.label === "" && i.role === "AUDITOR")).toBe(true);

    const pending = await listPendingInvites(team.owner, team.project.id);
    expect(pending).toHaveLength(5);
    expect(pending.map((i) => i.label).sort()).toEqual(["", "", "", "Omar (data team)", "dana@example.test"]);
    expect(pending[0]!.createdBy.name).toBe("Owner");

    const events = await db().prisma.auditEvent.findMany({
      where: {
        projectId: team.project.id,
        action: "invite.created",
        entityId: { in: [...labelled, ...counted].map((i) => i.id) },
      },
    });
    expect(events).toHaveLength(5);
  });

  it("refuses more than 20 links at once and a zero count, making none", async () => {
    const team = await makeTeam();
    const before = await db().prisma.invite.count({ where: { projectId: team.project.id } });
    await expect(
      createInvites(team.owner, team.project.id, { role: "MEMBER", count: 21 }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    await expect(
      createInvites(team.owner, team.project.id, { role: "MEMBER", count: 0 }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    await expect(
      createInvites(team.owner, team.project.id, {
        role: "MEMBER",
        labels: Array.from({ length: 21 }, (_, i) => `p${i}`),
      }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    expect(await db().prisma.invite.count({ where: { projectId: team.project.id } })).toBe(before);
  });

  it("drops used links from the pending list, and a revoked link can no longer be accepted", async () => {
    const team = await makeTeam();
    const [used, revoked] = await createInvites(team.owner, team.project.id, { role: "MEMBER", count: 2 });
    const joiner = await makeUser("Joiner");
    await acceptInvite(joiner, used!.token);
    await revokeInvite(team.owner, team.project.id, revoked!.id);
    expect(await listPendingInvites(team.owner, team.project.id)).toEqual([]);

    const late = await makeUser("Late");
    await expect(acceptInvite(late, revoked!.token)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/revoked/),
    });
    expect(
      await db().prisma.membership.count({ where: { projectId: team.project.id, userId: late.userId } }),
    ).toBe(0);

    const event = await db().prisma.auditEvent.findFirstOrThrow({
      where: { projectId: team.project.id, action: "invite.revoked" },
    });
    expect(event).toMatchObject({ actorId: team.owner.userId, entityType: "invite", entityId: revoked!.id });
    // Revoking twice, or a link already used, is a conflict and writes nothing.
    await expect(revokeInvite(team.owner, team.project.id, revoked!.id)).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(revokeInvite(team.owner, team.project.id, used!.id)).rejects.toMatchObject({
      code: "conflict",
    });
    expect(
      await db().prisma.auditEvent.count({ where: { projectId: team.project.id, action: "invite.revoked" } }),
    ).toBe(1);
  });

  it("lets only owners list and revoke invites: leads, members and auditors get 403, strangers 404", async () => {
    const team = await makeTeam();
    const [invite] = await createInvites(team.owner, team.project.id, { role: "MEMBER" });
    for (const who of [team.lead, team.member, team.auditor]) {
      const list = await api("GET", `/projects/${team.project.id}/invites`, { token: await token(who) });
      expect(list.status).toBe(403);
      const del = await api("DELETE", `/projects/${team.project.id}/invites/${invite!.id}`, {
        token: await token(who),
      });
      expect(del.status).toBe(403);
    }
    const strangerList = await api("GET", `/projects/${team.project.id}/invites`, {
      token: await token(team.stranger),
    });
    expect(strangerList.status).toBe(404);
    const strangerDel = await api("DELETE", `/projects/${team.project.id}/invites/${invite!.id}`, {
      token: await token(team.stranger),
    });
    expect(strangerDel.status).toBe(404);

    const list = await api("GET", `/projects/${team.project.id}/invites`, { token: await token(team.owner) });
    expect(list.status).toBe(200);
    expect(list.body.invites).toEqual([
      expect.objectContaining({ id: invite!.id, role: "MEMBER", label: "" }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(invite!.token);
    const del = await api("DELETE", `/projects/${team.project.id}/invites/${invite!.id}`, {
      token: await token(team.owner),
    });
    expect(del.status).toBe(204);
  });

  it("cannot list or revoke another project's invite through one's own project", async () => {
    const mine = await makeTeam("Mine");
    const theirs = await makeTeam("Theirs");
    const [their] = await createInvites(theirs.owner, theirs.project.id, {
      role: "MEMBER",
      labels: ["their person"],
    });
    expect(await listPendingInvites(mine.owner, mine.project.id)).toEqual([]);
    const del = await api("DELETE", `/projects/${mine.project.id}/invites/${their!.id}`, {
      token: await token(mine.owner),
    });
    expect(del.status).toBe(404);
    const still = await db().prisma.invite.findUniqueOrThrow({ where: { id: their!.id } });
    expect(still.revokedAt).toBeNull();
  });

  it("keeps the single-invite API call's answer and accepts an optional label", async () => {
    const team = await makeTeam();
    const res = await api("POST", `/projects/${team.project.id}/invites`, {
      token: await token(team.owner),
      body: { role: "LEAD", label: "Priya" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      role: "LEAD",
      label: "Priya",
      token: expect.any(String),
      url: expect.stringContaining("/invites/"),
    });
  });
});
