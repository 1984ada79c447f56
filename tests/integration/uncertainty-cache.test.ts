// The uncertainty figures are stored once per counted-ballot state: a repeated read is served from the
// stored row, and every change the figures depend on makes the next read compute them afresh.
import { expect, it } from "vitest";
import { api, resultsWhenReady, tokenFor } from "../support/api";
import { ballotFrom, createOpenDecision } from "../support/decisions";
import { makeTeam, makeUser } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

const MARKER = "served from the stored row";

describeOnEachDatabase("results: stored uncertainty figures", (db) => {
  async function liveVote() {
    const team = await makeTeam();
    const late = await makeUser("Late voter");
    await db().prisma.membership.create({ data: { projectId: team.project.id, userId: late.userId, role: "MEMBER" } });
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
    const votes: [typeof team.owner, number[][]][] = [
      [team.owner, [[10, 9], [2, 3]]],
      [team.lead, [[1, 4], [2, 5]]],
      [team.member, [[0, 6], [3, 4]]],
    ];
    for (const [voter, matrix] of votes) {
      expect((await api("PUT", `/decisions/${decision.id}/ballot`, { token: await tokenFor(voter), body: ballotFrom(decision, matrix) })).status).toBe(200);
    }
    const leadToken = await tokenFor(team.lead);
    const read = async () => {
      const res = await resultsWhenReady(decision.id, leadToken);
      expect(res.status).toBe(200);
      return res.body;
    };
    const storedRow = async () =>
      (await db().sql(`SELECT "stateKey", payload, "updatedAt" FROM "ResultUncertainty" WHERE "decisionId" = $1`, [decision.id]))[0] as
        | { stateKey: string; payload: { confidenceSentence: string }; updatedAt: Date }
        | undefined;
    /** Marks the stored figures, so a read that shows the mark was served from the row. */
    const markStored = () =>
      db().sql(`UPDATE "ResultUncertainty" SET payload = jsonb_set(payload, '{confidenceSentence}', to_jsonb($2::text)) WHERE "decisionId" = $1`, [
        decision.id,
        MARKER,
      ]);
    /** The figures computed from scratch: without a stored row there is nothing to serve. */
    const fromScratch = async () => {
      await db().sql(`DELETE FROM "ResultUncertainty" WHERE "decisionId" = $1`, [decision.id]);
      return read();
    };
    return { team, late, decision, leadToken, read, storedRow, markStored, fromScratch };
  }

  it("answers at once while the figures are stale, saying they are computing, and stores them after", async () => {
    const { read, storedRow, decision, leadToken } = await liveVote();
    const ready = await read();
    expect(ready.figures).toBe("ready");
    // Stale figures (as after a new ballot) are not served, nor computed on the request.
    await db().sql(`UPDATE "ResultUncertainty" SET "stateKey" = 'stale' WHERE "decisionId" = $1`, [decision.id]);
    const pending = await api("GET", `/decisions/${decision.id}/results`, { token: leadToken });
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ figures: "computing", pivotalVoters: null, acceptability: [], confidence: null, acceptabilitySamples: 0 });
    // Everything else is already current: the same ranking, totals and participation.
    for (const field of ["options", "winnerOptionIds", "participation", "medianWinnerOptionIds", "flags"]) {
      expect(pending.body[field]).toEqual(ready[field]);
    }
    const after = await read();
    expect(after).toEqual(ready);
    expect((await storedRow())?.stateKey).not.toBe("stale");
  });

  it("serves a second read from the stored row, without recomputing it", async () => {
    const { read, storedRow, markStored, fromScratch } = await liveVote();
    const first = await read();
    const row = await storedRow();
    expect(row?.payload.confidenceSentence).toBe(first.confidenceSentence);

    const second = await read();
    expect(second).toEqual(first);
    expect((await storedRow())?.updatedAt).toEqual(row!.updatedAt);

    // Only a read that skips the computation can show what was written into the row by hand.
    await markStored();
    expect((await read()).confidenceSentence).toBe(MARKER);
    expect(await fromScratch()).toEqual(first);
  });

  it("computes afresh after a new ballot, a revision, a reopen, a removed voter and a FIXED weight change", async () => {
    const { team, late, decision, leadToken, read, storedRow, markStored, fromScratch } = await liveVote();
    await read();

    /** The next read must not show the marked stale figures, and must equal a computation from scratch. */
    const expectRecomputedAfter = async (change: () => Promise<unknown>) => {
      const before = await storedRow();
      await markStored();
      await change();
      const served = await read();
      expect(served.confidenceSentence).not.toBe(MARKER);
      expect((await storedRow())?.stateKey).not.toBe(before?.stateKey);
      expect(await fromScratch()).toEqual(served);
      return served;
    };

    await expectRecomputedAfter(async () => {
      const res = await api("PUT", `/decisions/${decision.id}/ballot`, { token: await tokenFor(late), body: ballotFrom(decision, [[10, 10], [0, 0]]) });
      expect(res.status).toBe(200);
    });
    await expectRecomputedAfter(async () => {
      const res = await api("PUT", `/decisions/${decision.id}/ballot`, { token: await tokenFor(team.member), body: ballotFrom(decision, [[0, 2], [9, 9]]) });
      expect(res.status).toBe(200);
    });

    // Closing and reopening changes none of the figures' inputs: the stored row still holds.
    const beforeReopen = await read();
    expect((await api("POST", `/decisions/${decision.id}/close`, { token: leadToken })).status).toBe(200);
    expect((await api("POST", `/decisions/${decision.id}/reopen`, { token: leadToken, body: { reason: "One more round" } })).status).toBe(200);
    const afterReopen = await read();
    expect({ ...afterReopen, status: undefined }).toEqual({ ...beforeReopen, status: undefined });
    expect(await fromScratch()).toEqual(afterReopen);
    await expectRecomputedAfter(async () => {
      const res = await api("PUT", `/decisions/${decision.id}/ballot`, { token: await tokenFor(team.lead), body: ballotFrom(decision, [[3, 3], [4, 4]]) });
      expect(res.status).toBe(200);
    });

    const withLate = await read();
    const afterRemoval = await expectRecomputedAfter(async () => {
      const res = await api("DELETE", `/projects/${team.project.id}/members/${late.userId}`, { token: await tokenFor(team.owner) });
      expect(res.status).toBeLessThan(300);
    });
    expect(afterRemoval.participation.voted).toBe(withLate.participation.voted - 1);

    // Weights cannot change through the API once a vote is open; a stored weight changed underneath
    // (as a data repair would) must still reach the figures.
    await expectRecomputedAfter(() =>
      db().prisma.criterion.update({ where: { id: decision.criteria[0]!.id }, data: { weight: 5 } }),
    );
  });

  it("computes afresh when a VOTED voter changes only their importances", async () => {
    const team = await makeTeam();
    const decision = await createOpenDecision(team.lead, team.project.id, {
      title: "Which cache?",
      weightMode: "VOTED",
      revealPolicy: "LIVE",
      options: [{ name: "Redis" }, { name: "Memcached" }],
      criteria: [{ name: "Speed" }, { name: "Features" }],
    });
    const ballot = (importances: number[]) => ({
      ...ballotFrom(decision, [[9, 2], [3, 8]]),
      importances: decision.criteria.map((c, i) => ({ criterionId: c.id, value: importances[i]! })),
    });
    for (const voter of [team.owner, team.lead, team.member]) {
      expect((await api("PUT", `/decisions/${decision.id}/ballot`, { token: await tokenFor(voter), body: ballot([5, 5]) })).status).toBe(200);
    }
    const leadToken = await tokenFor(team.lead);
    const read = async () => (await resultsWhenReady(decision.id, leadToken)).body;
    await read();
    await db().sql(`UPDATE "ResultUncertainty" SET payload = jsonb_set(payload, '{confidenceSentence}', to_jsonb($2::text)) WHERE "decisionId" = $1`, [decision.id, MARKER]);
    expect((await read()).confidenceSentence).toBe(MARKER);

    expect((await api("PUT", `/decisions/${decision.id}/ballot`, { token: await tokenFor(team.member), body: ballot([10, 0]) })).status).toBe(200);
    const served = await read();
    expect(served.confidenceSentence).not.toBe(MARKER);
    await db().sql(`DELETE FROM "ResultUncertainty" WHERE "decisionId" = $1`, [decision.id]);
    expect(await read()).toEqual(served);
  });
});
