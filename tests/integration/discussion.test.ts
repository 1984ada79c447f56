// A decision's discussion: members, leads and owners write; auditors read; other projects see nothing.
// Every change is an audit event; edits keep versions; deletion leaves a marked gap.
import { expect, it } from "vitest";
import { api, tokenFor } from "../support/api";
import { createOpenDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

describeOnEachDatabase("decision discussion", (db) => {
  it("posts, replies, points at options and criteria, edits with history, deletes with a gap, all audited", async () => {
    const team = await makeTeam();
    const decision = await createOpenDecision(team.lead, team.project.id);
    const member = await tokenFor(team.member);
    const lead = await tokenFor(team.lead);
    const base = `/decisions/${decision.id}/comments`;

    const first = await api("POST", base, {
      token: member,
      body: { body: "What does **Flexibility** mean here, @lead? <script>alert(1)</script>", criterionId: decision.criteria[0]!.id },
    });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ criterionId: decision.criteria[0]!.id, version: 1, cited: false, deleted: false, author: { name: "Member" } });
    expect(first.body.mentions).toEqual([{ id: team.lead.userId, name: "Lead" }]);

    const reply = await api("POST", base, { token: lead, body: { body: "Research speed, mostly.", parentId: first.body.id, optionId: decision.options[0]!.id } });
    expect(reply.status, reply.text).toBe(201);
    const nested = await api("POST", base, { token: member, body: { body: "Deeper", parentId: reply.body.id } });
    expect(nested.status).toBe(422);
    const both = await api("POST", base, { token: member, body: { body: "x", optionId: decision.options[0]!.id, criterionId: decision.criteria[0]!.id } });
    expect(both.status).toBe(422);

    const edited = await api("PATCH", `${base}/${first.body.id}`, { token: member, body: { body: "What does Flexibility mean for serving, @owner?" } });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, editedAt: expect.any(String), mentions: [{ id: team.owner.userId, name: "Owner" }] });
    const versions = await api("GET", `${base}/${first.body.id}/versions`, { token: await tokenFor(team.auditor) });
    expect(versions.body.versions.map((v: { version: number; body: string }) => [v.version, v.body.slice(0, 17)])).toEqual([
      [1, "What does **Flexi"],
      [2, "What does Flexibi"],
    ]);
    const mentionRows = await db().prisma.commentMention.findMany({ where: { commentId: first.body.id } });
    expect(mentionRows.map((row) => row.userId)).toEqual([team.owner.userId]);

    expect((await api("PATCH", `${base}/${first.body.id}`, { token: lead, body: { body: "Not yours" } })).status).toBe(403);
    expect((await api("PUT", `${base}/${reply.body.id}/cited`, { token: member, body: { cited: true } })).status).toBe(403);
    const cited = await api("PUT", `${base}/${reply.body.id}/cited`, { token: lead, body: { cited: true } });
    expect(cited.body.cited).toBe(true);

    // A lead may delete a member's comment; the thread keeps the gap and the reply.
    expect((await api("DELETE", `${base}/${first.body.id}`, { token: lead })).status).toBe(204);
    const list = await api("GET", base, { token: await tokenFor(team.auditor) });
    expect(list.body.comments.map((c: { id: string; deleted: boolean; body: string }) => [c.id, c.deleted, c.body])).toEqual([
      [first.body.id, true, ""],
      [reply.body.id, false, "Research speed, mostly."],
    ]);
    expect((await api("PATCH", `${base}/${first.body.id}`, { token: member, body: { body: "again" } })).status).toBe(409);

    const audit = await api("GET", `/projects/${team.project.id}/audit?entityType=comment`, { token: lead });
    expect(audit.body.events.map((e: { action: string }) => e.action)).toEqual([
      "comment.posted",
      "comment.posted",
      "comment.edited",
      "comment.cited",
      "comment.deleted",
    ]);
    expect(audit.body.events[0].data).toMatchObject({ decisionId: decision.id, mentions: [team.lead.userId] });

    // The discussion stays open after the vote closes.
    await api("POST", `/decisions/${decision.id}/close`, { token: lead, body: {} });
    const record = await api("GET", `/decisions/${decision.id}/record.md`, { token: member });
    // Without a public address (AUTH_URL) the record quotes the comment but links nowhere.
    expect(record.text).toContain(`- Lead (${reply.body.createdAt.slice(0, 10)}): “Research speed, mostly.”\n`);
    expect((await api("POST", base, { token: member, body: { body: "Closed, but still talking." } })).status).toBe(201);
  });

  it("lets auditors read but not post, and keeps strangers and other projects out", async () => {
    const team = await makeTeam();
    const other = await makeTeam("Elsewhere");
    const decision = await createOpenDecision(team.lead, team.project.id);
    const base = `/decisions/${decision.id}/comments`;
    const posted = await api("POST", base, { token: await tokenFor(team.owner), body: { body: "Owners may post." } });
    expect(posted.status).toBe(201);

    const auditor = await tokenFor(team.auditor);
    expect((await api("GET", base, { token: auditor })).status).toBe(200);
    const refused = await api("POST", base, { token: auditor, body: { body: "Auditors cannot." } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
    expect((await api("DELETE", `${base}/${posted.body.id}`, { token: auditor })).status).toBe(403);

    for (const outsider of [team.stranger, other.owner]) {
      const token = await tokenFor(outsider);
      expect((await api("GET", base, { token })).status).toBe(404);
      expect((await api("POST", base, { token, body: { body: "Let me in" } })).status).toBe(404);
      expect((await api("GET", `${base}/${posted.body.id}/versions`, { token })).status).toBe(404);
    }
    // A comment, option or parent from another project's decision names nothing here.
    const elsewhere = await createOpenDecision(other.lead, other.project.id);
    const foreign = await api("POST", `/decisions/${elsewhere.id}/comments`, { token: await tokenFor(other.member), body: { body: "Ours." } });
    const member = await tokenFor(team.member);
    expect((await api("PATCH", `${base}/${foreign.body.id}`, { token: member, body: { body: "Mine now" } })).status).toBe(404);
    expect((await api("POST", base, { token: member, body: { body: "x", parentId: foreign.body.id } })).status).toBe(422);
    expect((await api("POST", base, { token: member, body: { body: "x", optionId: elsewhere.options[0]!.id } })).status).toBe(422);
    expect((await api("POST", base, { token: member, body: { body: "" } })).status).toBe(422);
    expect((await api("GET", `/decisions/${elsewhere.id}/comments`, { token: member })).status).toBe(404);
  });
});
