import { expect, it } from "vitest";
import { api, tokenFor } from "../support/api";
import { frameworkDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

// Consistent judgements: Flexibility = 2 × Production = 4 × Ecosystem → weights 4/7, 2/7, 1/7.
const consistent = [
  { a: 0, b: 1, value: 2 },
  { a: 0, b: 2, value: 4 },
  { a: 1, b: 2, value: 2 },
];

describeOnEachDatabase("pairwise weights", () => {
  it("stores the eigenvector weights and the judgements of a lead's comparisons, audited", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    const created = await api("POST", `/projects/${team.project.id}/decisions`, { token, body: { ...frameworkDecision, pairwise: consistent } });
    expect(created.status).toBe(201);
    const weights = created.body.criteria.map((c: { weight: number }) => c.weight);
    expect(weights[0]).toBeCloseTo((4 / 7) * 100, 4);
    expect(weights[1]).toBeCloseTo((2 / 7) * 100, 4);
    expect(weights[2]).toBeCloseTo((1 / 7) * 100, 4);
    const ids = created.body.criteria.map((c: { id: string }) => c.id);
    expect(created.body.pairwise.judgements).toEqual([
      { a: ids[0], b: ids[1], value: 2 },
      { a: ids[0], b: ids[2], value: 4 },
      { a: ids[1], b: ids[2], value: 2 },
    ]);
    expect(created.body.pairwise.consistencyRatio).toBeCloseTo(0, 9);
    expect(created.body.pairwise.warning).toBeNull();

    // Edited by id: an inconsistent set keeps its weights but carries the warning naming the pair.
    const edited = await api("PATCH", `/decisions/${created.body.id}`, {
      token,
      body: { pairwise: [{ a: ids[0], b: ids[1], value: 9 }, { a: ids[1], b: ids[2], value: 9 }, { a: ids[2], b: ids[0], value: 9 }] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.pairwise.consistencyRatio).toBeGreaterThan(0.1);
    expect(edited.body.pairwise.warning).toMatch(/consistency ratio \d\.\d\d, above 0\.10\)\. The least consistent is \w[\w ]+ versus \w/);
    const audit = await api("GET", `/projects/${team.project.id}/audit?action=decision.edited`, { token });
    expect(JSON.stringify(audit.body)).toContain('"pairwise"');

    // Numbers again drop the comparisons.
    const numeric = await api("PATCH", `/decisions/${created.body.id}`, { token, body: { criteria: frameworkDecision.criteria.map((c, i) => ({ ...c, id: ids[i] })) } });
    expect(numeric.body.pairwise).toBeNull();
    expect(numeric.body.criteria.map((c: { weight: number }) => c.weight)).toEqual([3, 2, 1]);
  });

  it("refuses comparisons with 422: above 10 criteria, off Saaty's scale, a missing pair, VOTED mode", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    const url = `/projects/${team.project.id}/decisions`;
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `C${i}` }));
    const tooMany = await api("POST", url, { token, body: { ...frameworkDecision, criteria: eleven, pairwise: [{ a: 0, b: 1, value: 3 }] } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.details.issues[0].path).toBe("pairwise");
    const offScale = await api("POST", url, { token, body: { ...frameworkDecision, pairwise: [...consistent.slice(0, 2), { a: 1, b: 2, value: 2.5 }] } });
    expect(offScale.status).toBe(422);
    const missing = await api("POST", url, { token, body: { ...frameworkDecision, pairwise: consistent.slice(0, 2) } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.message).toMatch(/Compare criterion 2 with criterion 3/);
    const voted = await api("POST", url, { token, body: { ...frameworkDecision, weightMode: "VOTED", pairwise: consistent } });
    expect(voted.status).toBe(422);
    const member = await api("POST", url, { token: await tokenFor(team.member), body: { ...frameworkDecision, pairwise: consistent } });
    expect(member.status).toBe(403);
  });
});
