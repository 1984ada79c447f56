import { expect, it } from "vitest";
import { api, resultsWhenReady, tokenFor } from "../support/api";
import { ballotFrom, createOpenDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";
import { resultsResponseSchema } from "@/lib/schemas/results";

// One criterion, two options. Owner scores A 10, the others 0; everyone scores B 2. By means A leads
// (3.33 vs 2), by medians B does (0 vs 2), and without the owner's ballot B wins: one pivotal voter.
const extremeDecision = {
  title: "Which queue?",
  weightMode: "FIXED" as const,
  options: [{ name: "Kafka" }, { name: "RabbitMQ" }],
  criteria: [{ name: "Throughput", weight: 1 }],
};

async function closedExtremeVote() {
  const team = await makeTeam();
  const decision = await createOpenDecision(team.lead, team.project.id, extremeDecision);
  const votes: [typeof team.owner, number][] = [
    [team.owner, 10],
    [team.lead, 0],
    [team.member, 0],
  ];
  for (const [voter, a] of votes) {
    const res = await api("PUT", `/decisions/${decision.id}/ballot`, { token: await tokenFor(voter), body: ballotFrom(decision, [[a], [2]]) });
    expect(res.status).toBe(200);
  }
  return { team, decision };
}

describeOnEachDatabase("results: rank acceptability, pivotal voters, medians", () => {
  it("reports rank probabilities, a reproducible confidence sentence, the median winner and its disagreement", async () => {
    const { team, decision } = await closedExtremeVote();
    const leadToken = await tokenFor(team.lead);
    expect((await api("POST", `/decisions/${decision.id}/close`, { token: leadToken })).status).toBe(200);

    const first = await api("GET", `/decisions/${decision.id}/results`, { token: leadToken });
    expect(first.status).toBe(200);
    const result = resultsResponseSchema.parse(first.body);
    const [kafka, rabbit] = decision.options;
    expect(result.winnerOptionIds).toEqual([kafka!.id]);
    expect(result.acceptability.map((a) => a.optionId)).toEqual([kafka!.id, rabbit!.id]);
    for (const option of result.acceptability) {
      expect(option.rankProbabilities).toHaveLength(2);
      expect(option.winProbability).toBe(option.rankProbabilities[0]);
    }
    // Three scores per cell: each mean is bootstrapped. Kafka's resamples below 2 points are the
    // ones with no 10 at all, (2/3)³ = 8/27, so it wins in about 19/27 ≈ 70% of variations.
    expect(result.confidence).toBeGreaterThan(0.6);
    expect(result.confidence).toBeLessThan(0.8);
    expect(result.confidenceSentence).toMatch(/^Kafka wins in \d+% of plausible variations/);
    expect(result.medianWinnerOptionIds).toEqual([rabbit!.id]);
    expect(result.flags).toContain("median_disagrees");

    const again = await api("GET", `/decisions/${decision.id}/results`, { token: leadToken });
    expect(again.body.acceptability).toEqual(result.acceptability);
    expect(again.body.confidenceSentence).toBe(result.confidenceSentence);
  });

  it("names the pivotal voters only to those who may read ballots, and only after close", async () => {
    const { team, decision } = await closedExtremeVote();
    const leadToken = await tokenFor(team.lead);
    expect((await api("POST", `/decisions/${decision.id}/close`, { token: leadToken })).status).toBe(200);

    for (const who of [team.lead, team.auditor, team.owner]) {
      const res = await api("GET", `/decisions/${decision.id}/results`, { token: await tokenFor(who) });
      expect(res.body.pivotalVoters).toEqual({ count: 1, voters: [{ userId: team.owner.userId, name: team.owner.name }] });
    }
    const asMember = await api("GET", `/decisions/${decision.id}/results`, { token: await tokenFor(team.member) });
    expect(asMember.body.pivotalVoters).toEqual({ count: 1 });
    const exported = await api("GET", `/decisions/${decision.id}/export.json`, { token: await tokenFor(team.member) });
    expect(exported.body.result.pivotalVoters).toEqual({ count: 1 });
  });

  it("keeps every new figure hidden during a blind vote, and unnamed during a live one", async () => {
    const team = await makeTeam();
    const blind = await createOpenDecision(team.lead, team.project.id, extremeDecision);
    const leadToken = await tokenFor(team.lead);
    await api("PUT", `/decisions/${blind.id}/ballot`, { token: leadToken, body: ballotFrom(blind, [[10], [2]]) });
    const hidden = await api("GET", `/decisions/${blind.id}/results`, { token: leadToken });
    expect(hidden.status).toBe(409);
    expect(hidden.body.acceptability).toBeUndefined();
    expect(JSON.stringify(hidden.body)).not.toMatch(/plausible|pivotal/i);

    const live = await createOpenDecision(team.lead, team.project.id, { ...extremeDecision, title: "Live", revealPolicy: "LIVE" });
    await api("PUT", `/decisions/${live.id}/ballot`, { token: leadToken, body: ballotFrom(live, [[10], [2]]) });
    await api("PUT", `/decisions/${live.id}/ballot`, { token: await tokenFor(team.member), body: ballotFrom(live, [[0], [2]]) });
    const open = await resultsWhenReady(live.id, leadToken);
    expect(open.status).toBe(200);
    expect(open.body.pivotalVoters.count).toBeGreaterThan(0);
    expect(open.body.pivotalVoters.voters).toBeUndefined();
  });
});
