// The FIXED weight band a lead sets: accepted and refused by the API as the schema says, changeable
// while the vote is open (audited) but not once it closed, and part of the stored figures' key, so a
// changed band is never answered with figures computed under the old one.
import { expect, it } from "vitest";
import { api, resultsWhenReady, tokenFor } from "../support/api";
import { ballotFrom, createOpenDecision, frameworkDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

const MARKER = "served from the stored row";

describeOnEachDatabase("decisions: the FIXED weight band", (db) => {
  it("stores the lead's band, defaults to ±20 %, and shows none for VOTED weights", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    const create = (body: Record<string, unknown>) => api("POST", `/projects/${team.project.id}/decisions`, { token, body });

    const banded = await create({ ...frameworkDecision, weightBand: 0.35 });
    expect(banded.status).toBe(201);
    expect(banded.body.weightBand).toBe(0.35);
    expect((await api("GET", `/decisions/${banded.body.id}`, { token: await tokenFor(team.member) })).body.weightBand).toBe(0.35);

    const exact = await create({ ...frameworkDecision, weightBand: 0 });
    expect(exact.body.weightBand).toBe(0);
    expect((await create(frameworkDecision)).body.weightBand).toBe(0.2);
    const voted = await create({ ...frameworkDecision, weightMode: "VOTED" });
    expect(voted.body.weightBand).toBeNull();

    const edited = await api("PATCH", `/decisions/${banded.body.id}`, { token, body: { weightBand: 0.05 } });
    expect(edited.status).toBe(200);
    expect(edited.body.weightBand).toBe(0.05);
  });

  it("refuses a band outside 0–0.99, not a number, in VOTED mode, or from a member, with the field named", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    const create = (body: Record<string, unknown>) => api("POST", `/projects/${team.project.id}/decisions`, { token, body });
    for (const weightBand of [-0.1, 1, 2.5, "0.2", null]) {
      const res = await create({ ...frameworkDecision, weightBand });
      expect(res.status, `weightBand ${JSON.stringify(weightBand)}`).toBe(422);
      expect(res.body.error.details.issues[0].path).toBe("weightBand");
    }
    const voted = await create({ ...frameworkDecision, weightMode: "VOTED", weightBand: 0.3 });
    expect(voted.status).toBe(422);
    expect(voted.body.error.details.issues[0]).toMatchObject({ path: "weightBand" });
    expect(voted.body.error.message).toMatch(/fixed weights/);

    // A VOTED draft refuses a band given alone, too: the decision's own mode decides.
    const votedDraft = await create({ ...frameworkDecision, weightMode: "VOTED" });
    const patch = await api("PATCH", `/decisions/${votedDraft.body.id}`, { token, body: { weightBand: 0.3 } });
    expect(patch.status).toBe(422);
    expect(patch.body.error.details.issues[0].path).toBe("weightBand");

    const draft = await create(frameworkDecision);
    const tooWide = await api("PATCH", `/decisions/${draft.body.id}`, { token, body: { weightBand: 0.995 } });
    expect(tooWide.status).toBe(422);
    expect(tooWide.body.error.details.issues[0].path).toBe("weightBand");
    const byMember = await api("PATCH", `/decisions/${draft.body.id}`, { token: await tokenFor(team.member), body: { weightBand: 0.5 } });
    expect(byMember.status).toBe(403);
    const byStranger = await api("PATCH", `/decisions/${draft.body.id}`, { token: await tokenFor(team.stranger), body: { weightBand: 0.5 } });
    expect(byStranger.status).toBe(404);
    expect((await api("GET", `/decisions/${draft.body.id}`, { token })).body.weightBand).toBe(0.2);
  });

  it("may change while the vote is open (audited, alone), not once it closed, and never serves the old band's figures", async () => {
    const team = await makeTeam();
    const decision = await createOpenDecision(team.lead, team.project.id, {
      title: "Which queue?",
      weightMode: "FIXED",
      revealPolicy: "LIVE",
      options: [{ name: "Kafka" }, { name: "RabbitMQ" }],
      criteria: [
        { name: "Throughput", weight: 1 },
        { name: "Operations", weight: 1 },
      ],
    });
    // Close: Kafka leads on Throughput, RabbitMQ on Operations, by about as much.
    const votes: [typeof team.owner, number[][]][] = [
      [team.owner, [[9, 3], [4, 8]]],
      [team.lead, [[7, 4], [5, 7]]],
      [team.member, [[8, 2], [3, 6]]],
    ];
    for (const [voter, matrix] of votes) {
      expect((await api("PUT", `/decisions/${decision.id}/ballot`, { token: await tokenFor(voter), body: ballotFrom(decision, matrix) })).status).toBe(200);
    }
    const token = await tokenFor(team.lead);
    const read = async () => (await resultsWhenReady(decision.id, token)).body;
    const storedKey = async () =>
      ((await db().sql(`SELECT "stateKey" FROM "ResultUncertainty" WHERE "decisionId" = $1`, [decision.id]))[0] as { stateKey: string } | undefined)?.stateKey;

    const before = await read();
    expect(before.figures).toBe("ready");
    const keyBefore = await storedKey();
    // Marks the stored figures: a read that shows the mark was served from the row.
    await db().sql(`UPDATE "ResultUncertainty" SET payload = jsonb_set(payload, '{confidenceSentence}', to_jsonb($2::text)) WHERE "decisionId" = $1`, [
      decision.id,
      MARKER,
    ]);
    expect((await read()).confidenceSentence).toBe(MARKER);

    // Other settings stay locked while open, with or without the band beside them.
    const mixed = await api("PATCH", `/decisions/${decision.id}`, { token, body: { weightBand: 0, title: "Renamed" } });
    expect(mixed.status).toBe(409);
    const changed = await api("PATCH", `/decisions/${decision.id}`, { token, body: { weightBand: 0 } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: "OPEN", weightBand: 0, title: "Which queue?" });
    const edits = await db().prisma.auditEvent.findMany({ where: { entityId: decision.id, action: "decision.edited" }, select: { actorId: true, data: true } });
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ actorId: team.lead.userId, data: { before: { weightBand: 0.2 }, after: { weightBand: 0 } } });

    const after = await read();
    expect(after.confidenceSentence).not.toBe(MARKER);
    expect(await storedKey()).not.toBe(keyBefore);
    // Weights held exactly, only the cell means vary: the figures differ from the ±20 % ones, while the
    // totals and the winner stay as they were.
    expect(after.acceptability).not.toEqual(before.acceptability);
    expect(after.options).toEqual(before.options);
    expect(after.winnerOptionIds).toEqual(before.winnerOptionIds);
    await db().sql(`DELETE FROM "ResultUncertainty" WHERE "decisionId" = $1`, [decision.id]);
    expect(await read()).toEqual(after);

    // Setting the band it already had back gives back the first figures: they depend on the band alone.
    expect((await api("PATCH", `/decisions/${decision.id}`, { token, body: { weightBand: 0.2 } })).status).toBe(200);
    expect((await read()).acceptability).toEqual(before.acceptability);

    expect((await api("POST", `/decisions/${decision.id}/close`, { token })).status).toBe(200);
    const closed = await api("PATCH", `/decisions/${decision.id}`, { token, body: { weightBand: 0.5 } });
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toMatch(/Reopen/);
    expect((await api("GET", `/decisions/${decision.id}`, { token })).body.weightBand).toBe(0.2);
  });

  it("writes the band into the record's confidence line", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    const created = await api("POST", `/projects/${team.project.id}/decisions`, { token, body: { ...frameworkDecision, weightBand: 0.4 } });
    expect((await api("POST", `/decisions/${created.body.id}/open`, { token })).status).toBe(200);
    const decision = created.body;
    for (const voter of [team.owner, team.lead, team.member]) {
      const res = await api("PUT", `/decisions/${decision.id}/ballot`, { token: await tokenFor(voter), body: ballotFrom(decision, [[9, 8, 7], [5, 6, 7], [3, 4, 5]]) });
      expect(res.status).toBe(200);
    }
    expect((await api("POST", `/decisions/${decision.id}/close`, { token })).status).toBe(200);
    const record = await api("GET", `/decisions/${decision.id}/record`, { token });
    expect(record.status).toBe(200);
    expect(record.body.markdown).toContain("vary each weight by up to ±40 % of its set value");
  });
});
