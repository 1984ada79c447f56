// The maintained result tallies against a recount from every score, over random ballots with revisions,
// abstentions, partial ballots, VOTED importances (zero vectors included), a reopen, and voters who leave,
// become auditors, keep voting around them and come back.
import { expect, it } from "vitest";
import { api, tokenFor } from "../support/api";
import { createOpenDecision, frameworkDecision } from "../support/decisions";
import { makeTeam, makeUser } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";
import { recountResults } from "@/lib/server/decisions/recount-results";
import { acceptInvite } from "@/lib/server/members/accept-invite";
import { createInvite } from "@/lib/server/members/create-invite";

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Decision = Awaited<ReturnType<typeof createOpenDecision>>;

function randomBallot(d: Decision, next: () => number, voted: boolean) {
  const scores = d.options.flatMap((o) =>
    d.criteria.flatMap((c) => {
      const roll = next();
      if (roll < 0.1) return []; // left out of a partial ballot
      return [{ optionId: o.id, criterionId: c.id, value: roll < 0.25 ? null : Math.floor(next() * 11) }];
    }),
  );
  if (!voted) return { scores };
  const zero = next() < 0.2;
  return { scores, importances: d.criteria.map((c) => ({ criterionId: c.id, value: zero ? 0 : Math.floor(next() * 11) })) };
}

describeOnEachDatabase("results from maintained tallies", (db) => {
  for (const weightMode of ["FIXED", "VOTED"] as const) {
    it(`equal a recount from every score after random ${weightMode} ballots, revisions and a reopen`, async () => {
      const next = random(weightMode === "FIXED" ? 7 : 11);
      const team = await makeTeam();
      const extra = await Promise.all([makeUser("Ana"), makeUser("Ben"), makeUser("Cy")]);
      await db().prisma.membership.createMany({ data: extra.map((u) => ({ projectId: team.project.id, userId: u.userId, role: "MEMBER" as const })) });
      const voters = [team.owner, team.lead, team.member, ...extra];
      const tokens = await Promise.all(voters.map((v) => tokenFor(v)));
      const d = await createOpenDecision(team.lead, team.project.id, {
        ...frameworkDecision,
        weightMode,
        options: [...frameworkDecision.options, { name: "MXNet" }],
        criteria: weightMode === "FIXED" ? [{ name: "A", weight: 0.3 }, { name: "B", weight: 0.7 }, { name: "C", weight: 0.1 }, { name: "D", weight: 2 }] : ["A", "B", "C", "D"].map((name) => ({ name })),
      });
      const leadToken = await tokenFor(team.lead);
      const castRound = async (pool = voters.map((_, i) => i)) => {
        // Several voters at once, some of them twice, so revisions race each other.
        const who = Array.from({ length: 8 }, () => pool[Math.floor(next() * pool.length)]!);
        const answers = await Promise.all(
          who.map((i) => api("PUT", `/decisions/${d.id}/ballot`, { token: tokens[i]!, body: randomBallot(d, next, weightMode === "VOTED") })),
        );
        expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      };

      await castRound();
      await castRound();
      expect((await recountResults(db().prisma, d.id)).differences).toEqual([]);
      expect((await api("POST", `/decisions/${d.id}/close`, { token: leadToken })).status).toBe(200);
      expect((await recountResults(db().prisma, d.id)).differences).toEqual([]);
      expect((await api("POST", `/decisions/${d.id}/reopen`, { token: leadToken, body: { reason: "One more round" } })).status).toBe(200);
      await castRound();
      const report = await recountResults(db().prisma, d.id);
      expect(report.differences).toEqual([]);
      expect(report.ballots).toBeGreaterThan(3);

      // A voter who leaves stops counting, and counts again on rejoining; so does one made an auditor,
      // and one given a voting role back. Each change moves their ballot in or out of the tallies.
      const ownerToken = await tokenFor(team.owner);
      // The removal races ballots, the leaver's own among them: each of theirs lands before it or is refused.
      const [leaver, ...racing] = await Promise.all([
        api("DELETE", `/projects/${team.project.id}/members/${extra[0]!.userId}`, { token: ownerToken }),
        ...[3, 0, 3, 4, 3, 1].map((i) => api("PUT", `/decisions/${d.id}/ballot`, { token: tokens[i]!, body: randomBallot(d, next, weightMode === "VOTED") })),
      ]);
      expect(leaver.status).toBeLessThan(300);
      expect(racing.map((r, k) => ([0, 2, 4].includes(k) ? [200, 404].includes(r.status) : r.status === 200))).toEqual(racing.map(() => true));
      const toAuditor = await api("PATCH", `/projects/${team.project.id}/members/${team.member.userId}`, { token: ownerToken, body: { role: "AUDITOR" } });
      expect(toAuditor.status).toBe(200);
      expect((await recountResults(db().prisma, d.id)).differences).toEqual([]);
      const apart = await db().prisma.ballot.count({ where: { decisionId: d.id, counted: false } });
      expect(apart).toBe(2);
      // Ballots still arrive while two voters are apart (the member, index 2, and extra[0], index 3).
      await castRound([0, 1, 4, 5]);
      expect((await recountResults(db().prisma, d.id)).differences).toEqual([]);
      const { token } = await createInvite(team.owner, team.project.id, { role: "MEMBER" });
      await acceptInvite({ userId: extra[0]!.userId, via: "session" }, token);
      expect((await api("PATCH", `/projects/${team.project.id}/members/${team.member.userId}`, { token: ownerToken, body: { role: "MEMBER" } })).status).toBe(200);
      expect(await db().prisma.ballot.count({ where: { decisionId: d.id, counted: false } })).toBe(0);
      expect((await recountResults(db().prisma, d.id)).differences).toEqual([]);
      if (weightMode === "VOTED") {
        // The shared weights come from the maintained importance shares of the counted voters.
        const tally = await db().prisma.importanceTally.findMany({ where: { decisionId: d.id } });
        expect(tally.length).toBe(4);
      }
    });
  }
});
