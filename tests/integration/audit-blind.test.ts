// PRODUCT.md: while a blind vote is open nobody sees another voter's ballot, and every role may
// read the audit log. So the per-voter details a ballot event records are sealed until the close.
import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { api, tokenFor } from "../support/api";
import { ballotFrom, createOpenDecision, frameworkDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";
import { canonicalJson } from "@/lib/domain/canonical-json";

type Team = Awaited<ReturnType<typeof makeTeam>>;
type Reader = Team["lead"];

// The member revises once; the second ballot abstains on four cells.
const FIRST = [
  [9, 8, 7],
  [6, 5, 4],
  [3, 2, null],
];
const SECOND = [
  [9, null, 7],
  [null, 5, 4],
  [3, null, null],
];

async function voteTwice(team: Team, body?: Record<string, unknown>) {
  const decision = await createOpenDecision(team.lead, team.project.id, body);
  const token = await tokenFor(team.member);
  for (const matrix of [FIRST, SECOND]) {
    const res = await api("PUT", `/decisions/${decision.id}/ballot`, {
      token,
      body: ballotFrom(decision, matrix),
    });
    expect(res.status, res.text).toBe(200);
  }
  const events = (
    await api("GET", `/projects/${team.project.id}/audit?entityType=ballot`, {
      token: await tokenFor(team.lead),
    })
  ).body.events as { seq: number; action: string }[];
  expect(events.map((e) => e.action)).toEqual(["ballot.submitted", "ballot.revised"]);
  return { decision, seqs: events.map((e) => e.seq) };
}

/** Every way a reader can see the ballot events: list, entity history, one event, both exports. */
async function everythingReadable(team: Team, reader: Reader, seqs: number[]) {
  const token = await tokenFor(reader);
  const base = `/projects/${team.project.id}/audit`;
  const list = await api("GET", `${base}?entityType=ballot`, { token });
  const history = await api("GET", `${base}?entityType=ballot&order=desc&limit=5`, { token });
  const single = await Promise.all(seqs.map((seq) => api("GET", `${base}/${seq}`, { token })));
  const jsonl = await api("GET", `${base}/export.jsonl`, { token });
  const csv = await api("GET", `${base}/export.csv`, { token });
  for (const res of [list, history, ...single, jsonl, csv]) expect(res.status).toBe(200);
  return {
    list: list.body.events as Record<string, unknown>[],
    text: [list.text, history.text, ...single.map((res) => res.text), jsonl.text, csv.text].join("\n"),
    jsonl: jsonl.text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describeOnEachDatabase("sealed ballot details in the audit log", (db) => {
  it("keeps another voter's revision and abstentions from every role while the vote is blind, and reveals them at the close", async () => {
    const team = await makeTeam();
    const { decision, seqs } = await voteTwice(team);

    for (const reader of [team.owner, team.lead, team.auditor]) {
      const seen = await everythingReadable(team, reader, seqs);
      expect(seen.text).not.toMatch(/abstention|revision/);
      expect(seen.list.map((event) => event.sealedDetails)).toEqual([null, null]);
      expect(seen.list[1]!.data).toEqual({
        decisionId: decision.id,
        sealed: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    }
    // The voter may read their own ballot's details.
    const own = await everythingReadable(team, team.member, seqs);
    expect(own.list.map((event) => (event.sealedDetails as { details: unknown }).details)).toEqual([
      { revision: 1, cells: 9, abstentions: 1 },
      { revision: 2, cells: 9, abstentions: 4 },
    ]);

    // The chain is whole and checkable while sealed.
    const auditorToken = await tokenFor(team.auditor);
    const verify = () => api("GET", `/projects/${team.project.id}/audit/verify`, { token: auditorToken });
    expect((await verify()).body).toMatchObject({ status: "intact" });

    const closed = await api("POST", `/decisions/${decision.id}/close`, { token: await tokenFor(team.lead) });
    expect(closed.status).toBe(200);
    const after = await everythingReadable(team, team.auditor, seqs);
    const revealed = after.jsonl.filter((record) => record.entityType === "ballot");
    expect(revealed.map((record) => (record.sealedDetails as { details: unknown }).details)).toEqual([
      { revision: 1, cells: 9, abstentions: 1 },
      { revision: 2, cells: 9, abstentions: 4 },
    ]);
    // A reader can open each seal from the export alone, as docs/audit-canonical-form.md says.
    for (const record of revealed) {
      const { salt, details } = record.sealedDetails as { salt: string; details: unknown };
      const commitment = createHash("sha256")
        .update(salt + canonicalJson(details), "utf8")
        .digest("hex");
      expect(commitment).toBe((record.data as { sealed: string }).sealed);
    }
    const event = await api("GET", `/projects/${team.project.id}/audit/${seqs[1]}`, {
      token: await tokenFor(team.member),
    });
    expect(event.body).toMatchObject({ hashMatches: true, sealMatches: true });
    expect((await verify()).body).toMatchObject({ status: "intact" });

    // Changing a revealed detail afterwards is caught, at that event.
    await db().sql(`ALTER TABLE "AuditSeal" DISABLE TRIGGER "audit_seal_append_only"`);
    try {
      await db().sql(
        `UPDATE "AuditSeal" SET details = jsonb_set(details, '{abstentions}', '0') WHERE "projectId" = $1 AND seq = $2`,
        [team.project.id, seqs[1]],
      );
    } finally {
      await db().sql(`ALTER TABLE "AuditSeal" ENABLE TRIGGER "audit_seal_append_only"`);
    }
    expect((await verify()).body).toMatchObject({
      status: "broken",
      firstBadSeq: seqs[1],
      reason: "sealed details do not match the commitment in the event",
    });
    const tampered = await api("GET", `/projects/${team.project.id}/audit/${seqs[1]}`, {
      token: await tokenFor(team.lead),
    });
    expect(tampered.body).toMatchObject({ hashMatches: true, sealMatches: false });
  });

  it("shows the details while open when results are live, since the tallies are visible anyway", async () => {
    const team = await makeTeam();
    const { seqs } = await voteTwice(team, { ...frameworkDecision, revealPolicy: "LIVE" });
    const seen = await everythingReadable(team, team.auditor, seqs);
    expect(seen.list.map((event) => (event.sealedDetails as { details: unknown }).details)).toEqual([
      { revision: 1, cells: 9, abstentions: 1 },
      { revision: 2, cells: 9, abstentions: 4 },
    ]);
  });

  it("refuses to change or remove sealed details, like the events themselves", async () => {
    const team = await makeTeam();
    await voteTwice(team);
    await expect(
      db().sql(`UPDATE "AuditSeal" SET salt = 'x' WHERE "projectId" = $1`, [team.project.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      db().sql(`DELETE FROM "AuditSeal" WHERE "projectId" = $1`, [team.project.id]),
    ).rejects.toThrow(/append-only/);
  });
});
