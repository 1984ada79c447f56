import { expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { getOutcome } from "@/lib/server/decisions/get-outcome";
import { listAttention } from "@/lib/server/projects/list-attention";
import { searchProject } from "@/lib/server/projects/search-project";
import { api, tokenFor } from "../support/api";
import { ballotFrom, createOpenDecision, frameworkDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

type Team = Awaited<ReturnType<typeof makeTeam>>;

const tokens = new Map<string, string>();
async function token(actor: Actor) {
  if (!tokens.has(actor.userId)) tokens.set(actor.userId, await tokenFor(actor));
  return tokens.get(actor.userId)!;
}

async function castAndClose(team: Team, body: Record<string, unknown>) {
  const decision = await createOpenDecision(team.lead, team.project.id, body);
  const matrix = decision.options.map((_, i) => decision.criteria.map(() => 8 - i * 3));
  for (const voter of [team.owner, team.lead, team.member]) {
    const res = await api("PUT", `/decisions/${decision.id}/ballot`, {
      token: await token(voter),
      body: ballotFrom(decision, matrix),
    });
    if (res.status !== 200) throw new Error(res.text);
  }
  const closed = await api("POST", `/decisions/${decision.id}/close`, { token: await token(team.lead) });
  if (closed.status !== 200) throw new Error(closed.text);
  return decision;
}

describeOnEachDatabase("project search", () => {
  it("finds decisions by title, context, option, criterion and record text, and says where it matched", async () => {
    const team = await makeTeam();
    const closed = await castAndClose(team, {
      ...frameworkDecision,
      title: "Which message queue carries the retries?",
      context: "Nightly jobs lose **retries** when a broker restarts.",
      options: [{ name: "Kafka", description: "Partitioned log" }, { name: "RabbitMQ" }],
      criteria: [
        { name: "Operational burden", weight: 2 },
        { name: "Throughput", weight: 1 },
      ],
    });
    const open = await createOpenDecision(team.lead, team.project.id, {
      ...frameworkDecision,
      title: "Feature store",
      context: "Serving needs the same features as training.",
    });

    const byTitle = await searchProject(team.member, team.project.id, { q: "message QUEUE" });
    expect(byTitle.hits.map((h) => h.decisionId)).toEqual([closed.id]);
    // The record repeats the title, so it matches there too.
    expect(byTitle.hits[0]!.matchedIn).toEqual(["title", "record"]);

    const byContext = await searchProject(team.member, team.project.id, { q: "broker restarts" });
    expect(byContext.hits[0]).toMatchObject({ decisionId: closed.id, matchedIn: ["context", "record"] });
    expect(byContext.hits[0]!.excerpt).toContain("broker restarts");

    const byOption = await searchProject(team.member, team.project.id, { q: "partitioned" });
    expect(byOption.hits[0]!.matchedIn).toContain("option");
    expect(byOption.hits[0]!.excerpt).toContain("Kafka: Partitioned log");

    const byCriterion = await searchProject(team.member, team.project.id, { q: "operational burden" });
    expect(byCriterion.hits[0]!.matchedIn).toContain("criterion");

    // "Chosen option" appears only in the generated record's Markdown.
    const byRecord = await searchProject(team.member, team.project.id, { q: "Chosen option" });
    expect(byRecord.hits.map((h) => h.decisionId)).toEqual([closed.id]);
    expect(byRecord.hits[0]).toMatchObject({
      matchedIn: ["record"],
      recordStatus: "proposed",
      status: "CLOSED",
    });

    // The front matter's field names are metadata: searching them finds no record.
    expect((await searchProject(team.member, team.project.id, { q: "decision-makers" })).hits).toEqual([]);

    const both = await searchProject(team.member, team.project.id, { q: "PyTorch" });
    expect(both.hits.map((h) => h.decisionId)).toEqual([open.id]);
  });

  it("searches for % and _ literally", async () => {
    const team = await makeTeam();
    await createOpenDecision(team.lead, team.project.id, {
      ...frameworkDecision,
      title: "Cut p99 latency by 50%",
    });
    await createOpenDecision(team.lead, team.project.id, {
      ...frameworkDecision,
      title: "Something else entirely",
    });
    expect((await searchProject(team.member, team.project.id, { q: "50%" })).hits).toHaveLength(1);
    expect((await searchProject(team.member, team.project.id, { q: "%%" })).hits).toHaveLength(0);
    expect((await searchProject(team.member, team.project.id, { q: "p_9" })).hits).toHaveLength(0);
  });

  it("never returns another project's decisions or records, even for the same words", async () => {
    const mine = await makeTeam("Mine");
    const theirs = await makeTeam("Theirs");
    await castAndClose(theirs, { ...frameworkDecision, title: "Secret vendor shortlist" });
    const own = await createOpenDecision(mine.lead, mine.project.id, {
      ...frameworkDecision,
      title: "Public vendor shortlist",
    });
    for (const q of ["vendor shortlist", "Secret", "Chosen option", "PyTorch"]) {
      const result = await searchProject(mine.owner, mine.project.id, { q });
      for (const hit of result.hits) expect(hit.decisionId).toBe(own.id);
    }
    // Asking through the other project's id is a 404, as for any project one is not in.
    const res = await api("GET", `/projects/${theirs.project.id}/search?q=vendor`, {
      token: await token(mine.owner),
    });
    expect(res.status).toBe(404);
  });

  it("lets auditors search, refuses strangers with 404 and a short query with 422, over the API", async () => {
    const team = await makeTeam();
    const decision = await castAndClose(team, { ...frameworkDecision, title: "Pick a tracing backend" });
    const ok = await api("GET", `/projects/${team.project.id}/search?q=tracing`, {
      token: await token(team.auditor),
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ query: "tracing", truncated: false });
    expect(ok.body.hits).toEqual([
      expect.objectContaining({
        decisionId: decision.id,
        key: "D-1",
        title: "Pick a tracing backend",
        matchedIn: ["title", "record"],
      }),
    ]);
    const stranger = await api("GET", `/projects/${team.project.id}/search?q=tracing`, {
      token: await token(team.stranger),
    });
    expect(stranger.status).toBe(404);
    const short = await api("GET", `/projects/${team.project.id}/search?q=t`, {
      token: await token(team.member),
    });
    expect(short.status).toBe(422);
    const missing = await api("GET", `/projects/${team.project.id}/search`, {
      token: await token(team.member),
    });
    expect(missing.status).toBe(422);
    const anonymous = await api("GET", `/projects/${team.project.id}/search?q=tracing`);
    expect(anonymous.status).toBe(401);
  });
});

describeOnEachDatabase("what needs me", () => {
  it("lists open votes I have not cast, proposed records for leads only, and recent outcomes with the chosen option", async () => {
    const team = await makeTeam();
    const closed = await castAndClose(team, { ...frameworkDecision, title: "Closed one" });
    const open = await createOpenDecision(team.lead, team.project.id, {
      ...frameworkDecision,
      title: "Open one",
    });
    await api("PUT", `/decisions/${open.id}/ballot`, {
      token: await token(team.member),
      body: ballotFrom(
        open,
        open.options.map(() => open.criteria.map(() => 5)),
      ),
    });

    const lead = await listAttention(team.lead, { projectId: team.project.id });
    expect(lead.decisionCount).toBe(2);
    expect(lead.openVotes.map((v) => v.decisionId)).toEqual([open.id]);
    expect(lead.recordsToReview.map((r) => r.decisionId)).toEqual([closed.id]);
    expect(lead.recentOutcomes).toEqual([
      expect.objectContaining({ decisionId: closed.id, chosenOption: "PyTorch", recordStatus: "proposed" }),
    ]);

    const member = await listAttention(team.member, { projectId: team.project.id });
    expect(member.openVotes).toEqual([]); // already voted
    expect(member.recordsToReview).toEqual([]); // members do not review records

    const auditor = await listAttention(team.auditor, { projectId: team.project.id });
    expect(auditor.openVotes).toEqual([]); // auditors do not vote
    expect(auditor.recentOutcomes).toHaveLength(1);

    await expect(listAttention(team.stranger, { projectId: team.project.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("gathers every project of mine on the home page and nothing from projects I am not in", async () => {
    const first = await makeTeam("First");
    const second = await makeTeam("Second");
    const other = await makeTeam("Not mine");
    const a = await createOpenDecision(first.lead, first.project.id, {
      ...frameworkDecision,
      title: "In first",
    });
    await createOpenDecision(other.lead, other.project.id, { ...frameworkDecision, title: "In other" });
    await castAndClose(other, { ...frameworkDecision, title: "Closed in other" });
    // The first project's owner joins the second as a member.
    const invite = await api("POST", `/projects/${second.project.id}/invites`, {
      token: await token(second.owner),
      body: { role: "MEMBER" },
    });
    await api("POST", `/invites/${invite.body.token}/accept`, { token: await token(first.owner) });
    const b = await createOpenDecision(second.lead, second.project.id, {
      ...frameworkDecision,
      title: "In second",
    });

    const home = await listAttention(first.owner);
    expect(home.openVotes.map((v) => [v.decisionId, v.project.name]).sort()).toEqual(
      [
        [a.id, "First"],
        [b.id, "Second"],
      ].sort(),
    );
    expect(home.recordsToReview).toEqual([]);
    expect(home.recentOutcomes).toEqual([]);
  });
});

describeOnEachDatabase("a closed decision's outcome", () => {
  it("names the winner with its total and the record, says nothing while the vote is open, and 404s strangers", async () => {
    const team = await makeTeam();
    const closed = await castAndClose(team, frameworkDecision);
    const outcome = await getOutcome(team.auditor, closed.id);
    // Every voter gave 8 / 5 / 2 on every criterion of a 0–10 scale: totals 0.8, 0.5, 0.2.
    expect(outcome).toMatchObject({
      voted: 3,
      winners: [{ name: "PyTorch", total: expect.closeTo(0.8, 12) }],
      runnerUp: { name: "TensorFlow", total: expect.closeTo(0.5, 12) },
      record: { status: "proposed", chosenOption: "PyTorch" },
    });
    const open = await createOpenDecision(team.lead, team.project.id);
    expect(await getOutcome(team.lead, open.id)).toBeNull();
    await expect(getOutcome(team.stranger, closed.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
