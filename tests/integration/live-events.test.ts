// The decision event stream: published on commit, replayed after a dropped connection, and blind:
// another member's ballot reaches a reader as "X voted", never its scores or rationales.
import { expect, it } from "vitest";
import { api, tokenFor } from "../support/api";
import { ballotFrom, createOpenDecision } from "../support/decisions";
import { openEventStream, openProjectEventStream } from "../support/event-stream";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

const SECRET = "PLANTED-secret-rationale-7f3a";

describeOnEachDatabase("live decision events", () => {
  it("tells every reader who voted, never what, and catches a reconnecting reader up", async () => {
    const team = await makeTeam();
    const decision = await createOpenDecision(team.lead, team.project.id);
    const leadStream = await openEventStream(decision.id, { token: await tokenFor(team.lead) });
    const auditorStream = await openEventStream(decision.id, { token: await tokenFor(team.auditor) });
    expect(leadStream.status).toBe(200);
    expect(leadStream.headers.get("content-type")).toMatch(/^text\/event-stream/);

    const memberToken = await tokenFor(team.member);
    const ballot = ballotFrom(decision, [
      [9, 8, 7],
      [6, 5, 4],
      [3, 2, 1],
    ]);
    ballot.scores[0] = { ...ballot.scores[0]!, rationale: SECRET } as (typeof ballot.scores)[number];
    const cast = await api("PUT", `/decisions/${decision.id}/ballot`, { token: memberToken, body: { ...ballot, comment: SECRET } });
    expect(cast.status, cast.text).toBe(200);

    for (const stream of [leadStream, auditorStream]) {
      const voted = await stream.waitFor((event) => event.event === "change" && event.data.action === "ballot.submitted");
      expect(voted.data.summary).toBe("Member voted");
      expect(voted.data.topic).toBe("vote");
      expect(Number(voted.id)).toBeGreaterThan(0);
      expect(stream.raw()).not.toContain(SECRET);
      expect(stream.raw()).not.toMatch(/score|rationale|sealed|"value"/i);
    }
    const presence = await leadStream.waitFor((event) => event.event === "presence" && event.data.viewers.length === 2);
    expect(presence.data.viewers.map((viewer: { name: string }) => viewer.name)).toEqual(["Auditor", "Lead"]);

    // The auditor's connection drops; two changes happen meanwhile; Last-Event-ID brings them back.
    const lastSeen = auditorStream.events().filter((event) => event.id !== null).at(-1)!.id!;
    auditorStream.close();
    const revised = await api("PUT", `/decisions/${decision.id}/ballot`, { token: memberToken, body: ballot });
    expect(revised.status).toBe(200);
    const closed = await api("POST", `/decisions/${decision.id}/close`, { token: await tokenFor(team.lead), body: {} });
    expect(closed.status, closed.text).toBe(200);
    const resumed = await openEventStream(decision.id, { token: await tokenFor(team.auditor), headers: { "last-event-id": lastSeen } });
    await resumed.waitFor((event) => event.data?.action === "record.created");
    const replayed = resumed.events().filter((event) => event.event === "change");
    expect(replayed.map((event) => event.data.action)).toEqual(["ballot.revised", "decision.closed", "record.created"]);
    expect(replayed.map((event) => Number(event.id))).toEqual([...replayed.map((event) => Number(event.id))].sort((a, b) => a - b));
    expect(resumed.raw()).not.toContain(SECRET);
    leadStream.close();
    resumed.close();
  });

  it("refuses strangers and keeps another project's events out", async () => {
    const team = await makeTeam();
    const other = await makeTeam("Other team");
    const decision = await createOpenDecision(team.lead, team.project.id);
    const elsewhere = await createOpenDecision(other.lead, other.project.id);

    expect((await openEventStream(decision.id, { token: await tokenFor(team.stranger) })).status).toBe(404);
    expect((await openEventStream(decision.id, { token: await tokenFor(other.owner) })).status).toBe(404);
    expect((await openEventStream(decision.id)).status).toBe(401);

    const stream = await openEventStream(decision.id, { token: await tokenFor(team.member) });
    const auditorStream = await openEventStream(decision.id, { token: await tokenFor(team.auditor) });
    await api("PUT", `/decisions/${elsewhere.id}/ballot`, {
      token: await tokenFor(other.member),
      body: ballotFrom(elsewhere, [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ]),
    });
    await api("PUT", `/decisions/${decision.id}/ballot`, {
      token: await tokenFor(team.lead),
      body: ballotFrom(decision, [
        [2, 2, 2],
        [2, 2, 2],
        [2, 2, 2],
      ]),
    });
    await stream.waitFor((event) => event.data?.summary === "Lead voted");
    const changes = stream.events().filter((event) => event.event === "change");
    expect(changes.map((event) => event.data.summary)).toEqual(["Lead voted"]);

    // A reader removed from the project hears nothing more: the stream ends.
    const removed = await api("DELETE", `/projects/${team.project.id}/members/${team.auditor.userId}`, { token: await tokenFor(team.owner) });
    expect(removed.status, removed.text).toBe(204);
    await expect.poll(() => auditorStream.ended(), { timeout: 5_000 }).toBe(true);
    await api("POST", `/decisions/${decision.id}/comments`, { token: await tokenFor(team.member), body: { body: "After the auditor left" } });
    await stream.waitFor((event) => event.data?.action === "comment.posted");
    expect(auditorStream.raw()).not.toContain("comment.posted");
    stream.close();
  });

  it("streams a whole project's events to its audit log readers, and nothing of another project", async () => {
    const team = await makeTeam();
    const other = await makeTeam("Other team");
    const first = await createOpenDecision(team.lead, team.project.id);
    const second = await createOpenDecision(team.lead, team.project.id);
    const elsewhere = await createOpenDecision(other.lead, other.project.id);

    expect((await openProjectEventStream(team.project.id, { token: await tokenFor(team.stranger) })).status).toBe(404);
    expect((await openProjectEventStream(team.project.id, { token: await tokenFor(other.owner) })).status).toBe(404);
    expect((await openProjectEventStream(team.project.id)).status).toBe(401);

    const auditor = await openProjectEventStream(team.project.id, { token: await tokenFor(team.auditor) });
    expect(auditor.status).toBe(200);
    const ballot = ballotFrom(first, [
      [9, 8, 7],
      [6, 5, 4],
      [3, 2, 1],
    ]);
    ballot.scores[0] = { ...ballot.scores[0]!, rationale: SECRET } as (typeof ballot.scores)[number];
    await api("PUT", `/decisions/${elsewhere.id}/ballot`, { token: await tokenFor(other.member), body: ballotFrom(elsewhere, [[1, 1, 1], [1, 1, 1], [1, 1, 1]]) });
    expect((await api("PUT", `/decisions/${first.id}/ballot`, { token: await tokenFor(team.member), body: ballot })).status).toBe(200);
    const posted = await api("POST", `/decisions/${second.id}/comments`, { token: await tokenFor(team.member), body: { body: "On the second one" } });
    expect(posted.status, posted.text).toBe(201);

    await auditor.waitFor((event) => event.data?.action === "comment.posted");
    const changes = auditor.events().filter((event) => event.event === "change");
    expect(changes.map((event) => event.data.summary)).toEqual(["Member voted", "Member commented"]);
    expect(auditor.events().some((event) => event.event === "presence")).toBe(false);
    expect(auditor.raw()).not.toContain(SECRET);

    // Reconnecting after the vote replays only what came after it.
    const resumed = await openProjectEventStream(team.project.id, { token: await tokenFor(team.auditor), headers: { "last-event-id": changes[0]!.id! } });
    await resumed.waitFor((event) => event.data?.action === "comment.posted");
    expect(resumed.events().filter((event) => event.event === "change").map((event) => event.data.action)).toEqual(["comment.posted"]);
    auditor.close();
    resumed.close();
  });
});
