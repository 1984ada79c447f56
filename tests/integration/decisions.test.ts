import { expect, it, vi } from "vitest";
import { api, tokenFor } from "../support/api";
import { ballotFrom, createOpenDecision, frameworkDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";
import { startDeadlineJob } from "@/lib/server/decisions/deadline-job";
import { aggregate, cellStatsFromScores, computeWeights, voterOptionSumsFromScores } from "@/lib/domain/aggregation";

describeOnEachDatabase("decisions, ballots and results", (db) => {
  it("numbers decisions D-1, D-2… per project without gaps, even when created at once (ADR numbers come with records)", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api("POST", `/projects/${team.project.id}/decisions`, { token, body: { ...frameworkDecision, title: `Q${i}` } }),
      ),
    );
    expect(created.map((c) => c.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(created.map((c) => c.body.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(created[0]!.body.key).toMatch(/^D-\d$/);
    const other = await makeTeam("Other");
    const first = await api("POST", `/projects/${other.project.id}/decisions`, { token: await tokenFor(other.owner), body: frameworkDecision });
    expect(first.body.number).toBe(1);
  });

  it("lets only owners and leads create, edit, open and close; members and auditors get 403, strangers 404", async () => {
    const team = await makeTeam();
    for (const who of [team.member, team.auditor]) {
      const res = await api("POST", `/projects/${team.project.id}/decisions`, { token: await tokenFor(who), body: frameworkDecision });
      expect(res.status).toBe(403);
    }
    expect((await api("POST", `/projects/${team.project.id}/decisions`, { token: await tokenFor(team.stranger), body: frameworkDecision })).status).toBe(404);
    const draft = await api("POST", `/projects/${team.project.id}/decisions`, { token: await tokenFor(team.owner), body: frameworkDecision });
    expect(draft.status).toBe(201);
    for (const who of [team.member, team.auditor]) {
      const token = await tokenFor(who);
      expect((await api("PATCH", `/decisions/${draft.body.id}`, { token, body: { title: "Mine" } })).status).toBe(403);
      expect((await api("POST", `/decisions/${draft.body.id}/open`, { token })).status).toBe(403);
    }
    const strangerToken = await tokenFor(team.stranger);
    expect((await api("GET", `/decisions/${draft.body.id}`, { token: strangerToken })).status).toBe(404);
    expect((await api("GET", `/decisions/${draft.body.id}/results`, { token: strangerToken })).status).toBe(404);
    expect((await api("GET", `/projects/${team.project.id}/decisions`, { token: strangerToken })).status).toBe(404);
    const leadToken = await tokenFor(team.lead);
    expect((await api("PATCH", `/decisions/${draft.body.id}`, { token: leadToken, body: { title: "Renamed" } })).body.title).toBe("Renamed");
    expect((await api("POST", `/decisions/${draft.body.id}/open`, { token: leadToken })).body.status).toBe("OPEN");
    for (const who of [team.member, team.auditor]) {
      expect((await api("POST", `/decisions/${draft.body.id}/close`, { token: await tokenFor(who) })).status).toBe(403);
    }
  });

  it("refuses bad decision input with 422 naming the field", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    const url = `/projects/${team.project.id}/decisions`;
    const badScale = await api("POST", url, { token, body: { ...frameworkDecision, scale: { min: 5, max: 1 } } });
    expect(badScale.status).toBe(422);
    expect(badScale.body.error.details.issues[0].path).toBe("scale.max");
    const zeroWeights = await api("POST", url, { token, body: { ...frameworkDecision, criteria: [{ name: "A", weight: 0 }] } });
    expect(zeroWeights.status).toBe(422);
    const dupes = await api("POST", url, { token, body: { ...frameworkDecision, options: [{ name: "X" }, { name: "x" }] } });
    expect(dupes.status).toBe(422);
    expect(dupes.body.error.message).toMatch(/Option names must be different/);
    const wrongMode = await api("POST", url, { token, body: { ...frameworkDecision, weightMode: "RANDOM" } });
    expect(wrongMode.status).toBe(422);
    const tooFew = await api("POST", url, { token, body: { ...frameworkDecision, options: [{ name: "Only" }] } });
    expect(tooFew.status).toBe(201);
    const open = await api("POST", `/decisions/${tooFew.body.id}/open`, { token });
    expect(open.status).toBe(422);
    expect(open.body.error.message).toMatch(/at least 2 options/);
  });

  it("allows edits only in DRAFT, and only a stricter reveal policy once OPEN", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    const d = await createOpenDecision(team.lead, team.project.id, { ...frameworkDecision, revealPolicy: "LIVE" });
    const edit = await api("PATCH", `/decisions/${d.id}`, { token, body: { options: [{ name: "Keras" }, { name: "MXNet" }] } });
    expect(edit.status).toBe(409);
    const stricter = await api("PATCH", `/decisions/${d.id}`, { token, body: { revealPolicy: "AFTER_CLOSE" } });
    expect(stricter.status).toBe(200);
    const looser = await api("PATCH", `/decisions/${d.id}`, { token, body: { revealPolicy: "LIVE" } });
    expect(looser.status).toBe(409);
    expect(looser.body.error.message).toMatch(/stricter/);
  });

  it("validates ballots: off-scale scores, unknown ids and duplicate cells get 422; auditors get 403", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id);
    const token = await tokenFor(team.member);
    const o = d.options[0]!.id;
    const c = d.criteria[0]!.id;
    const off = await api("PUT", `/decisions/${d.id}/ballot`, { token, body: { scores: [{ optionId: o, criterionId: c, value: 11 }] } });
    expect(off.status).toBe(422);
    expect(off.body.error.details.issues[0]).toEqual({ path: "scores.0.value", message: "Score 11 is off the scale 0–10." });
    const unknown = await api("PUT", `/decisions/${d.id}/ballot`, { token, body: { scores: [{ optionId: "nope", criterionId: c, value: 1 }] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details.issues[0].path).toBe("scores.0.optionId");
    const dup = await api("PUT", `/decisions/${d.id}/ballot`, {
      token,
      body: { scores: [{ optionId: o, criterionId: c, value: 1 }, { optionId: o, criterionId: c, value: 2 }] },
    });
    expect(dup.status).toBe(422);
    expect(dup.body.error.message).toMatch(/appears twice/);
    const fractional = await api("PUT", `/decisions/${d.id}/ballot`, { token, body: { scores: [{ optionId: o, criterionId: c, value: 2.5 }] } });
    expect(fractional.status).toBe(422);
    const auditor = await api("PUT", `/decisions/${d.id}/ballot`, { token: await tokenFor(team.auditor), body: ballotFrom(d, [[1, 1, 1], [1, 1, 1], [1, 1, 1]]) });
    expect(auditor.status).toBe(403);
    expect(await db().prisma.ballot.count({ where: { decisionId: d.id } })).toBe(0);
  });

  it("keeps votes blind while OPEN: who voted is visible, scores and results are not", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id);
    await api("PUT", `/decisions/${d.id}/ballot`, { token: await tokenFor(team.member), body: ballotFrom(d, [[9, 9, 9], [1, 1, 1], [5, 5, 5]]) });
    for (const who of [team.owner, team.lead, team.auditor]) {
      const token = await tokenFor(who);
      const view = await api("GET", `/decisions/${d.id}`, { token });
      expect(view.body.participation.voters.find((v: { userId: string }) => v.userId === team.member.userId).voted).toBe(true);
      expect(JSON.stringify(view.body)).not.toMatch(/"value"|"mean"|"total"/);
      const results = await api("GET", `/decisions/${d.id}/results`, { token });
      expect(results.status).toBe(409);
      expect(results.body.error.message).toMatch(/hidden until the vote closes/);
      const ballots = await api("GET", `/decisions/${d.id}/ballots`, { token });
      expect(ballots.body.ballots.every((b: { voter: { id: string } }) => b.voter.id === who.userId)).toBe(true);
    }
    const own = await api("GET", `/decisions/${d.id}/ballot`, { token: await tokenFor(team.member) });
    expect(own.body.scores).toHaveLength(9);
  });

  it("replaces a revised ballot atomically and keeps one ballot per voter under concurrent submissions", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id);
    const token = await tokenFor(team.member);
    const submissions = await Promise.all([
      api("PUT", `/decisions/${d.id}/ballot`, { token, body: ballotFrom(d, [[1, 1, 1], [2, 2, 2], [3, 3, 3]]) }),
      api("PUT", `/decisions/${d.id}/ballot`, { token, body: ballotFrom(d, [[1, 1, 1], [2, 2, 2], [3, 3, 3]]) }),
      api("PUT", `/decisions/${d.id}/ballot`, { token, body: ballotFrom(d, [[7, 7, 7], [8, 8, 8], [9, 9, 9]]) }),
    ]);
    expect(submissions.map((s) => s.status)).toEqual([200, 200, 200]);
    expect(await db().prisma.ballot.count({ where: { decisionId: d.id } })).toBe(1);
    expect(await db().prisma.score.count({ where: { ballot: { decisionId: d.id } } })).toBe(9);
    const stored = await api("GET", `/decisions/${d.id}/ballot`, { token });
    expect(stored.body.revision).toBe(3);
    const actions = await db().prisma.auditEvent.findMany({ where: { projectId: team.project.id, entityType: "ballot" }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["ballot.revised", "ballot.revised", "ballot.submitted"]);
  });

  it("counts a vote racing a close or refuses it, never half-writes it", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id);
    const [vote, close] = await Promise.all([
      api("PUT", `/decisions/${d.id}/ballot`, { token: await tokenFor(team.member), body: ballotFrom(d, [[5, 5, 5], [5, 5, 5], [5, 5, 5]]) }),
      api("POST", `/decisions/${d.id}/close`, { token: await tokenFor(team.lead) }),
    ]);
    expect(close.status).toBe(200);
    const ballots = await db().prisma.ballot.findMany({ where: { decisionId: d.id }, include: { scores: true } });
    if (vote.status === 200) {
      expect(ballots).toHaveLength(1);
      expect(ballots[0]!.scores).toHaveLength(9);
    } else {
      expect(vote.status).toBe(409);
      expect(ballots).toHaveLength(0);
    }
    const late = await api("PUT", `/decisions/${d.id}/ballot`, { token: await tokenFor(team.owner), body: ballotFrom(d, [[5, 5, 5], [5, 5, 5], [5, 5, 5]]) });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/not open/);
  });

  it("closes at the deadline: no vote is accepted after it, and reads show it CLOSED", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id, { ...frameworkDecision, deadline: new Date(Date.now() + 60_000).toISOString() });
    const token = await tokenFor(team.member);
    expect((await api("PUT", `/decisions/${d.id}/ballot`, { token, body: ballotFrom(d, [[5, 5, 5], [5, 5, 5], [5, 5, 5]]) })).status).toBe(200);
    await db().prisma.decision.update({ where: { id: d.id }, data: { deadline: new Date(Date.now() - 1000) } });
    const late = await api("PUT", `/decisions/${d.id}/ballot`, { token: await tokenFor(team.owner), body: ballotFrom(d, [[1, 1, 1], [1, 1, 1], [1, 1, 1]]) });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/deadline/);
    const view = await api("GET", `/decisions/${d.id}`, { token });
    expect(view.body.status).toBe("CLOSED");
    const closed = await db().prisma.auditEvent.findFirstOrThrow({ where: { entityId: d.id, action: "decision.closed" } });
    expect(closed.actorId).toBeNull();
    expect(closed.data).toMatchObject({ reason: "deadline" });
    expect(await db().prisma.ballot.count({ where: { decisionId: d.id } })).toBe(1);
  });

  it("closes only the listed project's expired votes when a member lists its decisions", async () => {
    const mine = await makeTeam();
    const theirs = await makeTeam("Other");
    const soon = { ...frameworkDecision, deadline: new Date(Date.now() + 60_000).toISOString() };
    const own = await createOpenDecision(mine.lead, mine.project.id, soon);
    const other = await createOpenDecision(theirs.lead, theirs.project.id, soon);
    await db().prisma.decision.updateMany({ where: { id: { in: [own.id, other.id] } }, data: { deadline: new Date(Date.now() - 1000) } });

    const list = await api("GET", `/projects/${mine.project.id}/decisions`, { token: await tokenFor(mine.member) });
    expect(list.status).toBe(200);
    expect(list.body.decisions.find((d: { id: string }) => d.id === own.id).status).toBe("CLOSED");
    // The other project's vote waits for its own readers or the periodic job.
    const untouched = await db().prisma.decision.findUniqueOrThrow({ where: { id: other.id } });
    expect(untouched.status).toBe("OPEN");
    expect(await db().prisma.auditEvent.count({ where: { entityId: other.id, action: "decision.closed" } })).toBe(0);
  });

  it("computes results in the database that match the reference formulas, shown after close", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id);
    const matrices: Record<string, (number | null)[][]> = {
      owner: [[9, 5, 8], [6, 9, 8], [7, 4, null]],
      lead: [[8, 6, 7], [7, 8, 9], [8, 3, 5]],
      member: [[10, 4, 9], [5, 9, 7], [null, null, null]],
    };
    for (const [who, matrix] of Object.entries(matrices)) {
      const actor = team[who as "owner" | "lead" | "member"];
      const res = await api("PUT", `/decisions/${d.id}/ballot`, { token: await tokenFor(actor), body: ballotFrom(d, matrix) });
      expect(res.status).toBe(200);
    }
    await api("POST", `/decisions/${d.id}/close`, { token: await tokenFor(team.lead) });
    const results = await api("GET", `/decisions/${d.id}/results`, { token: await tokenFor(team.auditor) });
    expect(results.status).toBe(200);

    // The same result from the pure reference implementation over every score in memory.
    const scores = Object.entries(matrices).flatMap(([who, m]) =>
      d.options.flatMap((o, i) => d.criteria.map((c, j) => ({ voterId: who, optionId: o.id, criterionId: c.id, value: m[i]![j]! }))),
    );
    const { weights } = computeWeights("FIXED", d.criteria.map((c) => ({ id: c.id, weight: c.weight })), []);
    const cells = d.options.flatMap((o) =>
      d.criteria.map((c) => ({ optionId: o.id, criterionId: c.id, ...cellStatsFromScores(scores.filter((s) => s.optionId === o.id && s.criterionId === c.id).map((s) => s.value)) })),
    );
    const expected = aggregate({
      scale: { min: 0, max: 10 },
      options: d.options,
      criteria: d.criteria,
      weights,
      cells,
      voterSums: voterOptionSumsFromScores(scores, { min: 0, max: 10 }, () => weights),
      eligible: 3,
    });
    expect(results.body.participation).toEqual({ eligible: 3, voted: 3 });
    expect(results.body.winnerOptionIds).toEqual(expected.winnerOptionIds);
    expect(results.body.flags).toEqual(expected.flags);
    for (const option of expected.options) {
      const got = results.body.options.find((o: { optionId: string }) => o.optionId === option.optionId);
      expect(got.total).toBeCloseTo(option.total!, 12);
      expect(got.rank).toBe(option.rank);
      expect(got.borda).toBeCloseTo(option.borda, 12);
    }
    for (const cell of expected.cells) {
      const got = results.body.cells.find((c: { optionId: string; criterionId: string }) => c.optionId === cell.optionId && c.criterionId === cell.criterionId);
      expect(got.n).toBe(cell.n);
      expect(got.abstentions).toBe(cell.abstentions);
      if (cell.mean === null) expect(got.mean).toBeNull();
      else {
        expect(got.mean).toBeCloseTo(cell.mean, 12);
        expect(got.median).toBeCloseTo(cell.median!, 12);
        expect(got.stdev).toBeCloseTo(cell.stdev!, 12);
      }
    }
    expect(results.body.kendallW).toBeCloseTo(expected.kendallW!, 12);

    // The same numbers by hand, so a mistake shared by the SQL and the reference cannot hide.
    // W = 3:2:1 → (1/2, 1/3, 1/6). JAX has a score in every cell (lead scored its third), so it is complete.
    // Means P (9, 5, 8) → ŝ (.9, .5, .8); T (6, 26/3, 8) → ŝ (.6, 26/30, .8); J (7.5, 3.5, 5) → ŝ (.75, .35, .5).
    // T(P) = .45 + .5/3 + .8/6 = .75; T(T) = .3 + 26/90 + .8/6 = 13/18; T(J) = .375 + .35/3 + .5/6 = .575.
    const option = (name: string) => results.body.options.find((o: { name: string }) => o.name === name);
    expect(results.body.options.map((o: { name: string; rank: number }) => [o.name, o.rank])).toEqual([
      ["PyTorch", 1],
      ["TensorFlow", 2],
      ["JAX", 3],
    ]);
    expect(option("PyTorch").total).toBeCloseTo(0.75, 12);
    expect(option("TensorFlow").total).toBeCloseTo(13 / 18, 12);
    expect(option("JAX").total).toBeCloseTo(0.575, 12);
    // Each voter's own totals with W: owner P .75, T 11/15, J (.35 + .4/3)/(5/6) = .58 → P, T, J;
    // lead P 43/60, T 23/30, J 7/12 → T, P, J; member P 47/60, T 2/3, J unscored → P, T, J.
    // Borda (3 − position): P 2+1+2 = 5, T 1+2+1 = 4, J 0. Position sums 4, 5, 9; mean 6; S = 4 + 1 + 9 = 14;
    // Kendall's W = 12·14 / (9·(27 − 3)) = 7/9.
    expect([option("PyTorch").borda, option("TensorFlow").borda, option("JAX").borda]).toEqual([5, 4, 0]);
    expect(results.body.kendallW).toBeCloseTo(7 / 9, 12);
    // Sensitivity, T'(o) = T(o) + δ·(ŝ(o,c) − T(o))/(1 − W(c)); only TensorFlow can catch PyTorch in range.
    // c1 (1 − W = 1/2): slopes P .3, T −11/45; −1/36 − (49/90)δ = 0 → δ = −5/98 (−5.102 points).
    // c2 (1 − W = 2/3): slopes P −3/8, T 13/60; −1/36 + (71/120)δ = 0 → δ = 10/213 (+4.695 points).
    // c3 (1 − W = 5/6): slopes P .06, T 7/75; −1/36 + δ/30 = 0 → δ = 5/6, the end of the range (+83.333 points).
    // JAX would need δ = 3.5 on c1 and 14/3 on c2, both out of range.
    const delta = (index: number) =>
      results.body.sensitivity.find((x: { criterionId: string }) => x.criterionId === d.criteria[index]!.id).delta;
    expect(delta(0)).toBeCloseTo(-500 / 98, 9);
    expect(delta(1)).toBeCloseTo(1000 / 213, 9);
    expect(delta(2)).toBeCloseTo(500 / 6, 9);
    // Robustness min(5.102, 4.695, 83.333) = 1000/213 < 5 points: a fragile winner.
    expect(results.body.robustness).toBeCloseTo(1000 / 213, 9);
    expect(results.body.flags).toEqual(["fragile"]);
  });

  it("computes VOTED results in the database to hand-computed numbers, weighing an all-zero voter by the aggregate weights", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id, {
      title: "Which framework do we standardize on?",
      weightMode: "VOTED",
      options: [{ name: "PyTorch" }, { name: "TensorFlow" }],
      criteria: [{ name: "Flexibility" }, { name: "Production readiness" }],
    });
    const importances = (values: number[]) => d.criteria.map((c, i) => ({ criterionId: c.id, value: values[i]! }));
    // Rows PyTorch, TensorFlow; columns Flexibility, Production readiness; scale 0..10.
    const ballots: [keyof typeof team & ("owner" | "lead" | "member"), (number | null)[][], number[]][] = [
      ["owner", [[8, 4], [5, 7]], [3, 1]],
      ["lead", [[6, 6], [4, 9]], [1, 1]],
      ["member", [[6, 0], [0, 9]], [0, 0]],
    ];
    for (const [who, matrix, values] of ballots) {
      const res = await api("PUT", `/decisions/${d.id}/ballot`, {
        token: await tokenFor(team[who]),
        body: { ...ballotFrom(d, matrix), importances: importances(values) },
      });
      expect(res.status).toBe(200);
    }
    await api("POST", `/decisions/${d.id}/close`, { token: await tokenFor(team.lead) });
    const results = await api("GET", `/decisions/${d.id}/results`, { token: await tokenFor(team.auditor) });
    expect(results.status).toBe(200);
    const [pytorch, tensorflow] = d.options.map((o) => results.body.options.find((x: { optionId: string }) => x.optionId === o.id));

    // Importances owner (3, 1) → (.75, .25), lead (1, 1) → (.5, .5), member (0, 0) left out: W = (.625, .375).
    expect(results.body.weights.map((w: { weight: number }) => w.weight)).toEqual([
      expect.closeTo(0.625, 12),
      expect.closeTo(0.375, 12),
    ]);
    // Means PyTorch (20/3, 10/3) → ŝ (2/3, 1/3); TensorFlow (3, 25/3) → ŝ (.3, 5/6).
    // T(PyTorch) = .625·2/3 + .375·1/3 = 13/24; T(TensorFlow) = .1875 + .3125 = 1/2.
    expect(pytorch.total).toBeCloseTo(13 / 24, 12);
    expect(tensorflow.total).toBeCloseTo(0.5, 12);
    expect(results.body.winnerOptionIds).toEqual([d.options[0]!.id]);
    // PyTorch/Production readiness: 4, 6, 0 → mean 10/3, median 4, variance 56/9, sd 2.494 < 2.5: not disputed.
    const cell = results.body.cells.find(
      (c: { optionId: string; criterionId: string }) => c.optionId === d.options[0]!.id && c.criterionId === d.criteria[1]!.id,
    );
    expect(cell).toMatchObject({ n: 3, abstentions: 0, median: 4, min: 0, max: 6, disputed: false });
    expect(cell.mean).toBeCloseTo(10 / 3, 12);
    expect(cell.stdev).toBeCloseTo(Math.sqrt(56 / 9), 12);
    // Borda with each voter's own weights: owner (.75, .25): P .7, T .55 → P first; lead (.5, .5): P .6, T .65
    // → T first; member, all zeros, by the aggregate (.625, .375): P .375, T .3375 → P first. (Equal weights
    // would give the member P .3, T .45, and leaving the member out P 1, T 1: either would flag "contested".)
    // Points P 1+0+1 = 2, T 0+1+0 = 1. Position sums 4, 5; S = .5; Kendall's W = 12·.5/(9·(8 − 2)) = 1/9.
    expect([pytorch.borda, tensorflow.borda]).toEqual([2, 1]);
    expect(results.body.kendallW).toBeCloseTo(1 / 9, 12);
    // Sensitivity on Flexibility (1 − W = .375): slopes P (2/3 − 13/24)/.375 = 1/3, T (.3 − .5)/.375 = −8/15;
    // −1/24 − (13/15)δ = 0 → δ = −5/104 (−125/26 points). Check: W' = (15/26, 11/26) gives both 41/78.
    // Production readiness mirrors it: +125/26 points. Robustness 125/26 ≈ 4.81 < 5: fragile.
    expect(results.body.sensitivity).toEqual([
      { criterionId: d.criteria[0]!.id, delta: expect.closeTo(-125 / 26, 9), catchingUpOptionId: d.options[1]!.id },
      { criterionId: d.criteria[1]!.id, delta: expect.closeTo(125 / 26, 9), catchingUpOptionId: d.options[1]!.id },
    ]);
    expect(results.body.robustness).toBeCloseTo(125 / 26, 9);
    // Medians PyTorch (6, 4) → .625·.6 + .375·.4 = .525; TensorFlow (4, 9) → .625·.4 + .375·.9 = .5875:
    // by medians TensorFlow would win, so the result says the centres disagree.
    expect(results.body.medianWinnerOptionIds).toEqual([d.options[1]!.id]);
    expect(results.body.flags).toEqual(["fragile", "median_disagrees"]);
  });

  it("weighs criteria by voters' importances in VOTED mode", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id, {
      ...frameworkDecision,
      weightMode: "VOTED",
      criteria: frameworkDecision.criteria.map(({ name }) => ({ name })),
      revealPolicy: "LIVE",
    });
    const importances = (values: number[]) => d.criteria.map((c, i) => ({ criterionId: c.id, value: values[i]! }));
    await api("PUT", `/decisions/${d.id}/ballot`, { token: await tokenFor(team.member), body: { ...ballotFrom(d, [[10, 0, 0], [0, 10, 0], [0, 0, 10]]), importances: importances([2, 1, 1]) } });
    await api("PUT", `/decisions/${d.id}/ballot`, { token: await tokenFor(team.lead), body: { ...ballotFrom(d, [[10, 0, 0], [0, 10, 0], [0, 0, 10]]), importances: importances([0, 0, 0]) } });
    // Live results while OPEN, because the policy says so. Weights: member (0.5, 0.25, 0.25); lead left out.
    const results = await api("GET", `/decisions/${d.id}/results`, { token: await tokenFor(team.auditor) });
    expect(results.status).toBe(200);
    const w = Object.fromEntries(results.body.weights.map((x: { criterionId: string; weight: number }) => [x.criterionId, x.weight]));
    expect(w[d.criteria[0]!.id]).toBeCloseTo(0.5, 12);
    expect(w[d.criteria[1]!.id]).toBeCloseTo(0.25, 12);
    expect(results.body.options[0].name).toBe("PyTorch");
    expect(results.body.options[0].total).toBeCloseTo(0.5, 12);
  });

  it("refuses a VOTED ballot that leaves out a criterion's importance, naming the criterion (422)", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id, {
      ...frameworkDecision,
      weightMode: "VOTED",
      criteria: frameworkDecision.criteria.map(({ name }) => ({ name })),
    });
    const token = await tokenFor(team.member);
    const scores = ballotFrom(d, [[9, 5, 5], [5, 9, 5], [5, 5, 9]]);
    const partial = await api("PUT", `/decisions/${d.id}/ballot`, {
      token,
      body: { ...scores, importances: [{ criterionId: d.criteria[0]!.id, value: 8 }] },
    });
    expect(partial.status).toBe(422);
    expect(partial.body.error.message).toMatch(/missing: Production readiness, Ecosystem/);
    const none = await api("PUT", `/decisions/${d.id}/ballot`, { token, body: scores });
    expect(none.status).toBe(422);
    expect(await db().prisma.ballot.count({ where: { decisionId: d.id } })).toBe(0);
    // A full vector is accepted, zeros included; so is a ballot that abstains everywhere.
    const full = await api("PUT", `/decisions/${d.id}/ballot`, {
      token,
      body: { ...scores, importances: d.criteria.map((c, i) => ({ criterionId: c.id, value: i === 0 ? 8 : 0 })) },
    });
    expect(full.status).toBe(200);
    const abstaining = await api("PUT", `/decisions/${d.id}/ballot`, {
      token: await tokenFor(team.lead),
      body: ballotFrom(d, [[null, null, null], [null, null, null], [null, null, null]]),
    });
    expect(abstaining.status).toBe(200);
  });

  it("counts only current voters: a removed member's ballot leaves participation and the totals", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id);
    const vote = async (who: "owner" | "lead" | "member", matrix: number[][]) =>
      expect((await api("PUT", `/decisions/${d.id}/ballot`, { token: await tokenFor(team[who]), body: ballotFrom(d, matrix) })).status).toBe(200);
    await vote("owner", [[8, 8, 8], [2, 2, 2], [5, 5, 5]]);
    await vote("lead", [[8, 8, 8], [2, 2, 2], [5, 5, 5]]);
    // The member alone would make TensorFlow win by a mile.
    await vote("member", [[0, 0, 0], [10, 10, 10], [0, 0, 0]]);
    const removed = await api("DELETE", `/projects/${team.project.id}/members/${team.member.userId}`, { token: await tokenFor(team.owner) });
    expect(removed.status).toBe(204);
    await api("POST", `/decisions/${d.id}/close`, { token: await tokenFor(team.lead) });

    const results = await api("GET", `/decisions/${d.id}/results`, { token: await tokenFor(team.auditor) });
    expect(results.status).toBe(200);
    // Owner and lead remain eligible (the auditor never is); both voted.
    expect(results.body.participation).toEqual({ eligible: 2, voted: 2 });
    const pytorch = results.body.options.find((o: { name: string }) => o.name === "PyTorch");
    expect(pytorch.rank).toBe(1);
    expect(pytorch.total).toBeCloseTo(0.8, 12);
    const cell = results.body.cells.find((c: { optionId: string; criterionId: string }) => c.optionId === d.options[1]!.id && c.criterionId === d.criteria[0]!.id);
    expect(cell).toMatchObject({ n: 2, mean: 2 });
    const view = await api("GET", `/decisions/${d.id}`, { token: await tokenFor(team.auditor) });
    expect(view.body.participation).toMatchObject({ eligible: 2, voted: 2 });
  });

  it("reopens a closed vote only with a reason, audited", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id);
    const token = await tokenFor(team.lead);
    await api("POST", `/decisions/${d.id}/close`, { token });
    const noReason = await api("POST", `/decisions/${d.id}/reopen`, { token, body: {} });
    expect(noReason.status).toBe(422);
    const reopened = await api("POST", `/decisions/${d.id}/reopen`, { token, body: { reason: "Two members were on leave" } });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe("OPEN");
    const event = await db().prisma.auditEvent.findFirstOrThrow({ where: { entityId: d.id, action: "decision.reopened" } });
    expect(event.data).toMatchObject({ reason: "Two members were on leave" });
    expect((await api("POST", `/decisions/${d.id}/open`, { token })).status).toBe(409);
  });

  it("refuses to let members and auditors reopen a closed vote (403), leaving it closed and unaudited", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id);
    await api("POST", `/decisions/${d.id}/close`, { token: await tokenFor(team.lead) });
    for (const who of [team.member, team.auditor]) {
      const res = await api("POST", `/decisions/${d.id}/reopen`, { token: await tokenFor(who), body: { reason: "I missed the vote" } });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    expect((await db().prisma.decision.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("CLOSED");
    expect(await db().prisma.auditEvent.count({ where: { entityId: d.id, action: "decision.reopened" } })).toBe(0);
  });

  it("has the deadline job close a vote past its deadline, with its audit event and record, and leave others alone", async () => {
    const team = await makeTeam();
    const inFuture = () => new Date(Date.now() + 3_600_000).toISOString();
    const due = await createOpenDecision(team.lead, team.project.id, { ...frameworkDecision, title: "Due", deadline: inFuture() });
    const later = await createOpenDecision(team.lead, team.project.id, { ...frameworkDecision, title: "Later", deadline: inFuture() });
    await api("PUT", `/decisions/${due.id}/ballot`, { token: await tokenFor(team.member), body: ballotFrom(due, [[9, 9, 9], [1, 1, 1], [5, 5, 5]]) });
    // Nothing reads the decisions through the API from here on: a read would close an expired vote itself.
    await db().prisma.decision.update({ where: { id: due.id }, data: { deadline: new Date(Date.now() - 1000) } });
    const status = async (id: string) => (await db().prisma.decision.findUniqueOrThrow({ where: { id } })).status;

    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      startDeadlineJob();
      // The job runs on its interval, not at once.
      vi.advanceTimersByTime(29_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await status(due.id)).toBe("OPEN");
      vi.advanceTimersByTime(1_000);
      for (let waited = 0; waited < 15_000 && (await status(due.id)) === "OPEN"; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      const job = globalThis as unknown as { verdictDeadlineJob?: ReturnType<typeof setInterval> };
      clearInterval(job.verdictDeadlineJob);
      delete job.verdictDeadlineJob;
      vi.useRealTimers();
    }

    expect(await status(due.id)).toBe("CLOSED");
    const closed = await db().prisma.auditEvent.findMany({ where: { entityId: due.id, action: "decision.closed" } });
    expect(closed).toHaveLength(1);
    expect(closed[0]!.actorId).toBeNull();
    expect(closed[0]!.data).toMatchObject({ reason: "deadline", ballots: 1 });
    const record = await db().prisma.decisionRecord.findUniqueOrThrow({ where: { decisionId: due.id }, include: { versions: true } });
    expect(record.status).toBe("proposed");
    expect(record.versions.map((v) => v.version)).toEqual([1]);
    expect(record.versions[0]!.markdown).toContain('Chosen option: "PyTorch"');

    expect(await status(later.id)).toBe("OPEN");
    expect(await db().prisma.auditEvent.count({ where: { entityId: later.id, action: "decision.closed" } })).toBe(0);
    expect(await db().prisma.decisionRecord.count({ where: { decisionId: later.id } })).toBe(0);
  });
});
