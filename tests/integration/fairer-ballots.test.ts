// Issue 14's fairer ballots: a voter's importances by pairwise comparison, rationales required at the
// ends of the scale, and VOTED decisions that collect importances before opening scoring.
import { expect, it } from "vitest";
import { api, tokenFor } from "../support/api";
import { ballotFrom, createOpenDecision, frameworkDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";
import { recountResults } from "@/lib/server/decisions/recount-results";

const voted = { ...frameworkDecision, weightMode: "VOTED" as const };
type Decision = Awaited<ReturnType<typeof createOpenDecision>>;

/** Flexibility = 2 × Production = 4 × Ecosystem: weights 4/7, 2/7, 1/7, importances 10, 5, 2.5. */
const consistent = (d: Decision) => [
  { a: d.criteria[0]!.id, b: d.criteria[1]!.id, value: 2 },
  { a: d.criteria[0]!.id, b: d.criteria[2]!.id, value: 4 },
  { a: d.criteria[1]!.id, b: d.criteria[2]!.id, value: 2 },
];
const scores3x3 = [
  [9, 6, 7],
  [6, 9, 8],
  [7, 5, 4],
];

describeOnEachDatabase("fairer ballots", (db) => {
  it("derives a VOTED voter's importances from pairwise comparisons and keeps the comparisons", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id, voted);
    const token = await tokenFor(team.member);
    const put = await api("PUT", `/decisions/${d.id}/ballot`, {
      token,
      body: { ...ballotFrom(d, scores3x3), pairwise: consistent(d) },
    });
    expect(put.status).toBe(200);
    expect(put.body.importances).toEqual(
      d.criteria.map((c, i) => ({ criterionId: c.id, value: [10, 5, 2.5][i] })),
    );
    expect(put.body.pairwise.judgements).toEqual(consistent(d));
    expect(put.body.pairwise.consistencyRatio).toBeCloseTo(0, 9);
    expect(put.body.pairwise.warning).toBeNull();

    const read = await api("GET", `/decisions/${d.id}/ballot`, { token });
    expect(read.body.importances).toEqual(put.body.importances);
    expect(read.body.pairwise.judgements).toEqual(consistent(d));

    // A second voter with plain numbers; the shared weights are the mean of both normalized vectors.
    await api("PUT", `/decisions/${d.id}/ballot`, {
      token: await tokenFor(team.lead),
      body: {
        ...ballotFrom(d, scores3x3),
        importances: d.criteria.map((c) => ({ criterionId: c.id, value: 5 })),
      },
    });
    await api("POST", `/decisions/${d.id}/close`, { token: await tokenFor(team.lead) });
    const results = await api("GET", `/decisions/${d.id}/results`, { token });
    const weights = results.body.weights.map((w: { weight: number }) => w.weight);
    [(4 / 7 + 1 / 3) / 2, (2 / 7 + 1 / 3) / 2, (1 / 7 + 1 / 3) / 2].forEach((w, i) =>
      expect(weights[i]).toBeCloseTo(w, 12),
    );
    expect((await recountResults(db().prisma, d.id)).differences).toEqual([]);
  });

  it("shows inconsistent comparisons' ratio and warning, and refuses bad comparisons with 422", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id, voted);
    const token = await tokenFor(team.member);
    const [a, b, c] = d.criteria.map((x) => x.id);
    const circular = [
      { a, b, value: 9 },
      { a: b, b: c, value: 9 },
      { a: c, b: a, value: 9 },
    ];
    const put = await api("PUT", `/decisions/${d.id}/ballot`, {
      token,
      body: { ...ballotFrom(d, scores3x3), pairwise: circular },
    });
    expect(put.status).toBe(200);
    expect(put.body.pairwise.consistencyRatio).toBeGreaterThan(0.1);
    expect(put.body.pairwise.warning).toMatch(
      /The least consistent is (Flexibility|Production readiness|Ecosystem) versus/,
    );

    const both = await api("PUT", `/decisions/${d.id}/ballot`, {
      token,
      body: {
        ...ballotFrom(d, scores3x3),
        pairwise: consistent(d),
        importances: d.criteria.map((x) => ({ criterionId: x.id, value: 5 })),
      },
    });
    expect(both.status).toBe(422);
    const missing = await api("PUT", `/decisions/${d.id}/ballot`, {
      token,
      body: { ...ballotFrom(d, scores3x3), pairwise: consistent(d).slice(0, 2) },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.issues[0].path).toBe("pairwise");
    const offScale = await api("PUT", `/decisions/${d.id}/ballot`, {
      token,
      body: { ...ballotFrom(d, scores3x3), pairwise: [{ a, b, value: 2.5 }, ...consistent(d).slice(1)] },
    });
    expect(offScale.status).toBe(422);

    const fixed = await createOpenDecision(team.lead, team.project.id);
    const onFixed = await api("PUT", `/decisions/${fixed.id}/ballot`, {
      token,
      body: { ...ballotFrom(fixed, scores3x3), pairwise: consistent(fixed) },
    });
    expect(onFixed.status).toBe(422);
    expect(onFixed.body.error.details.issues.map((i: { path: string }) => i.path)).toContain("pairwise");
  });

  it("refuses a score at either end of the scale without a rationale when the decision asks for one, naming the cell", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id, {
      ...frameworkDecision,
      requireRationaleAtExtremes: true,
    });
    const token = await tokenFor(team.member);
    const ballot = ballotFrom(d, [
      [10, 6, 7],
      [6, 0, 8],
      [7, 5, 4],
    ]);
    const refused = await api("PUT", `/decisions/${d.id}/ballot`, { token, body: ballot });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.issues).toEqual([
      {
        path: "scores.0.rationale",
        message: expect.stringMatching(/^PyTorch on Flexibility: a score of 10 is at the end of the scale/),
      },
      {
        path: "scores.4.rationale",
        message: expect.stringMatching(/^TensorFlow on Production readiness: a score of 0 /),
      },
    ]);
    const explained = { 0: "Dynamic graphs everywhere.", 4: "No serving story we could use." } as Record<
      number,
      string
    >;
    ballot.scores = ballot.scores.map((s, i) => (explained[i] ? { ...s, rationale: explained[i] } : s));
    expect((await api("PUT", `/decisions/${d.id}/ballot`, { token, body: ballot })).status).toBe(200);

    // Without the setting the same ends need no rationale.
    const plain = await createOpenDecision(team.lead, team.project.id);
    const accepted = await api("PUT", `/decisions/${plain.id}/ballot`, {
      token,
      body: ballotFrom(plain, [
        [10, 0, 5],
        [5, 5, 5],
        [5, 5, 5],
      ]),
    });
    expect(accepted.status).toBe(200);
    const shown = await api("GET", `/decisions/${d.id}`, { token });
    expect(shown.body.requireRationaleAtExtremes).toBe(true);
  });

  it("collects importances first, lets only owners and leads start scoring, audited, then fixes the importances", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id, { ...voted, importancesFirst: true });
    const memberToken = await tokenFor(team.member);
    const importances = d.criteria.map((c, i) => ({ criterionId: c.id, value: [8, 4, 2][i]! }));

    const early = await api("PUT", `/decisions/${d.id}/ballot`, {
      token: memberToken,
      body: { ...ballotFrom(d, scores3x3), importances },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/Scoring has not started/);
    const incomplete = await api("PUT", `/decisions/${d.id}/ballot`, {
      token: memberToken,
      body: { scores: [], importances: importances.slice(0, 2) },
    });
    expect(incomplete.status).toBe(422);
    const weighed = await api("PUT", `/decisions/${d.id}/ballot`, {
      token: memberToken,
      body: { scores: [], importances },
    });
    expect(weighed.status).toBe(200);

    for (const who of [team.member, team.auditor]) {
      const refused = await api("POST", `/decisions/${d.id}/start-scoring`, { token: await tokenFor(who) });
      expect(refused.status).toBe(403);
    }
    expect(
      (await api("POST", `/decisions/${d.id}/start-scoring`, { token: await tokenFor(team.stranger) }))
        .status,
    ).toBe(404);
    const started = await api("POST", `/decisions/${d.id}/start-scoring`, {
      token: await tokenFor(team.lead),
    });
    expect(started.status).toBe(200);
    expect(started.body.scoringStartedAt).toEqual(expect.any(String));
    expect(
      (await api("POST", `/decisions/${d.id}/start-scoring`, { token: await tokenFor(team.owner) })).status,
    ).toBe(409);
    const audit = await api("GET", `/projects/${team.project.id}/audit?action=decision.scoring_started`, {
      token: await tokenFor(team.owner),
    });
    expect(audit.body.events.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
      ["decision.scoring_started", team.lead.userId],
    ]);

    // Scores now go in; the importances given in the weighting phase stay, changed ones are refused.
    const changed = await api("PUT", `/decisions/${d.id}/ballot`, {
      token: memberToken,
      body: {
        ...ballotFrom(d, scores3x3),
        importances: importances.map((i) => ({ ...i, value: 10 - i.value })),
      },
    });
    expect(changed.status).toBe(409);
    const scored = await api("PUT", `/decisions/${d.id}/ballot`, {
      token: memberToken,
      body: ballotFrom(d, scores3x3),
    });
    expect(scored.status).toBe(200);
    expect(scored.body.importances).toEqual(importances);
    // A voter who gave no importances while weighing gives them with their scores.
    const late = await api("PUT", `/decisions/${d.id}/ballot`, {
      token: await tokenFor(team.lead),
      body: { ...ballotFrom(d, scores3x3), importances },
    });
    expect(late.status).toBe(200);
    expect((await recountResults(db().prisma, d.id)).differences).toEqual([]);
  });

  it("refuses importances first on a FIXED decision and starting scoring where there is no such phase", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    const created = await api("POST", `/projects/${team.project.id}/decisions`, {
      token,
      body: { ...frameworkDecision, importancesFirst: true },
    });
    expect(created.status).toBe(422);
    const d = await createOpenDecision(team.lead, team.project.id, voted);
    expect((await api("POST", `/decisions/${d.id}/start-scoring`, { token })).status).toBe(409);
  });
});
