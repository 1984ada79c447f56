import JSZip from "jszip";
import Papa from "papaparse";
import { expect, it } from "vitest";
import { diffLines } from "@/lib/domain/line-diff";
import { DEMO_USERS, seedDemo } from "@/lib/demo/seed-demo";
import { seedDemoRecords } from "@/lib/demo/seed-records";
import { renderMarkdown } from "@/lib/render-markdown";
import { previewRecord } from "@/lib/server/records/preview-record";
import type { Actor } from "@/lib/server/actor";
import { api, tokenFor } from "../support/api";
import { ballotFrom, createOpenDecision, frameworkDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

type Team = Awaited<ReturnType<typeof makeTeam>>;
type Matrix = (number | null)[][];

// PyTorch leads clearly: everyone rates it best on the heaviest criterion.
const CLEAR: Record<"owner" | "lead" | "member", Matrix> = {
  owner: [
    [9, 6, 8],
    [6, 9, 7],
    [5, 4, 3],
  ],
  lead: [
    [8, 5, 9],
    [7, 8, 8],
    [4, 4, 4],
  ],
  member: [
    [10, 6, 8],
    [5, 9, 6],
    [6, 3, 5],
  ],
};

// PyTorch and TensorFlow mirror each other exactly: a tie at rank 1.
const TIE: Record<"owner" | "lead", Matrix> = {
  owner: [
    [10, 10, 10],
    [0, 0, 0],
    [0, 0, 0],
  ],
  lead: [
    [0, 0, 0],
    [10, 10, 10],
    [0, 0, 0],
  ],
};

async function closedDecision(
  team: Team,
  matrices: Partial<Record<"owner" | "lead" | "member", Matrix>> = CLEAR,
  body: Record<string, unknown> = frameworkDecision,
) {
  const decision = await createOpenDecision(team.lead, team.project.id, body);
  for (const [who, matrix] of Object.entries(matrices)) {
    const ballot = ballotFrom(decision, matrix);
    if (who === "member") {
      ballot.scores[0] = {
        ...ballot.scores[0]!,
        rationale: "Eager mode makes debugging research code painless.",
      } as (typeof ballot.scores)[number];
      Object.assign(ballot, { comment: "Happy with either if serving gets funded." });
    }
    const res = await api("PUT", `/decisions/${decision.id}/ballot`, {
      token: await tokenFor(team[who as "owner"]),
      body: ballot,
    });
    if (res.status !== 200) throw new Error(`ballot failed: ${res.text}`);
  }
  const closed = await api("POST", `/decisions/${decision.id}/close`, { token: await tokenFor(team.lead) });
  if (closed.status !== 200) throw new Error(`close failed: ${closed.text}`);
  return decision;
}

async function as(actor: Actor) {
  return tokenFor(actor);
}

async function accepted(team: Team, matrices = CLEAR, body: Record<string, unknown> = frameworkDecision) {
  const decision = await closedDecision(team, matrices, body);
  const res = await api("POST", `/decisions/${decision.id}/record/accept`, {
    token: await as(team.lead),
    body: { comment: "Agreed in review." },
  });
  if (res.status !== 200) throw new Error(`accept failed: ${res.text}`);
  return decision;
}

async function uploadZip(projectId: string, token: string, bytes: Uint8Array, multipart = true) {
  const { POST } = await import("@/app/api/v1/projects/[projectId]/records/import/route");
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let body: BodyInit;
  if (multipart) {
    const form = new FormData();
    form.set(
      "file",
      new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/zip" }),
      "records.zip",
    );
    body = form;
  } else {
    headers["content-type"] = "application/zip";
    body = bytes as Uint8Array<ArrayBuffer>;
  }
  const response = await POST(
    new Request(`http://localhost:3000/api/v1/projects/${projectId}/records/import`, {
      method: "POST",
      headers,
      body,
    }),
    {
      params: Promise.resolve({ projectId }),
    },
  );
  return { status: response.status, body: await response.json() };
}

async function zipOf(files: Record<string, string>) {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array" });
}

// The real tags of rendered HTML; user text arrives escaped (&lt;…) and never starts one.
const tagsOf = (html: string) => (html.match(/<[a-zA-Z][^>]*>/g) ?? []).join(" ");

const EVIL =
  '<img src=x onerror="window.__xss=1"> [click](javascript:window.__xss=2) <script>window.__xss=3</script>';

describeOnEachDatabase("decision records", (db) => {
  it("proposes version 1 of a MADR record when the vote closes, consistent with the results API", async () => {
    const team = await makeTeam();
    const decision = await closedDecision(team);
    const token = await as(team.member);
    const [record, results] = await Promise.all([
      api("GET", `/decisions/${decision.id}/record`, { token }),
      api("GET", `/decisions/${decision.id}/results`, { token }),
    ]);
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      decisionId: decision.id,
      number: 1,
      key: "ADR-0001",
      status: "proposed",
    });
    expect(record.body.versions).toHaveLength(1);
    expect(record.body.versions[0]).toMatchObject({
      version: 1,
      authorId: team.lead.userId,
      authorName: "Lead",
    });

    const md: string = record.body.markdown;
    for (const heading of [
      "# Which framework do we standardize on?",
      "## Context and Problem Statement",
      "## Decision Drivers",
      "## Considered Options",
      "## Decision Outcome",
      "### Consequences",
      "### Confirmation",
      "## Pros and Cons of the Options",
      "## More Information",
    ]) {
      expect(md).toContain(`\n${heading}\n`);
    }
    expect(md).toMatch(/^---\nstatus: "proposed"\ndate: \d{4}-\d{2}-\d{2}\n/);
    expect(md).toContain('decision-makers:\n  - "Owner"\n  - "Lead"');
    expect(md).toContain('consulted:\n  - "Member"');
    expect(md).toContain('informed:\n  - "Auditor"');

    // The record states the same winner and totals as the results API.
    const winner = results.body.options.find((o: { rank: number }) => o.rank === 1);
    expect(results.body.winnerOptionIds).toEqual([winner.optionId]);
    expect(record.body.chosenOptionId).toBe(winner.optionId);
    expect(md).toContain(`Chosen option: "${winner.name}", because`);
    // W = 3:2:1 → (1/2, 1/3, 1/6). Means PyTorch (9, 17/3, 25/3), TensorFlow (6, 26/3, 7), JAX (5, 11/3, 4):
    // totals 140/180 = 77.8, 127/180 = 70.6 and 79/180 = 43.9 of 100.
    expect(md).toContain("| 1 | PyTorch | 77.8 |");
    expect(md).toContain("| 2 | TensorFlow | 70.6 |");
    expect(md).toContain("| 3 | JAX | 43.9 |");
    expect(md).toContain("Participation: 3 of 3 eligible members voted.");
    // A voter's reason about one criterion is quoted under that criterion's pro or con.
    expect(md).toMatch(/for Flexibility[^\n]*\n  - “Eager mode makes debugging research code painless\.” — Member\n/);
    expect(md).toContain("“Happy with either if serving gets funded.” — Member");

    // The head hash is the chain's head right after the close, and the record's creation is audited.
    const closedEvent = await db().prisma.auditEvent.findFirstOrThrow({
      where: { entityId: decision.id, action: "decision.closed" },
    });
    expect(md).toContain(`Audit chain head hash at close: \`${closedEvent.hash}\``);
    // No public address (AUTH_URL) in the tests: the record carries no back-link rather than a relative one.
    expect(md).not.toContain("Decision in Verdict");
    const created = await db().prisma.auditEvent.findFirstOrThrow({
      where: { entityId: record.body.id, action: "record.created" },
    });
    expect(created.seq).toBe(closedEvent.seq + 1);
    const verify = await api("GET", `/projects/${team.project.id}/audit/verify`, {
      token: await as(team.auditor),
    });
    expect(verify.body.status).toBe("intact");

    const file = await api("GET", `/decisions/${decision.id}/record.md`, { token });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(file.headers.get("content-disposition")).toBe(
      'attachment; filename="0001-which-framework-do-we-standardize-on.md"',
    );
    expect(file.text).toBe(md);
  });

  it("chooses no option on a tie, and refuses to accept until a lead picks one and says why", async () => {
    const team = await makeTeam();
    const decision = await closedDecision(team, TIE);
    const token = await as(team.lead);
    const record = await api("GET", `/decisions/${decision.id}/record`, { token });
    expect(record.body.chosenOptionId).toBeNull();
    expect(record.body.markdown).toContain("No option is chosen yet. The vote ended in a tie");
    expect(record.body.versions[0].narrative.justification).toBe("");

    const refused = await api("POST", `/decisions/${decision.id}/record/accept`, { token });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/tie.*A lead must pick one/);

    const tensorflow = decision.options[1]!.id;
    const picked = await api("POST", `/decisions/${decision.id}/record/versions`, {
      token,
      body: { chosenOptionId: tensorflow },
    });
    expect(picked.status).toBe(201);
    expect(picked.body.chosenOptionId).toBe(tensorflow);
    const unjustified = await api("POST", `/decisions/${decision.id}/record/accept`, { token });
    expect(unjustified.status).toBe(422);
    expect(unjustified.body.error.details.issues[0].path).toBe("justification");

    await api("POST", `/decisions/${decision.id}/record/versions`, {
      token,
      body: { justification: "our serving stack already runs it, which breaks the tie." },
    });
    const ok = await api("POST", `/decisions/${decision.id}/record/accept`, {
      token,
      body: { comment: "Tie broken in the architecture review." },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe("accepted");
    expect(ok.body.markdown).toContain(
      'Chosen option: "TensorFlow", because our serving stack already runs it, which breaks the tie.',
    );
    expect(ok.body.markdown).toContain("A lead picked this option after the vote ended in a tie");
  });

  it("saves each narrative edit as a new version with its author and the changed fields, and compares any two", async () => {
    const team = await makeTeam();
    const decision = await closedDecision(team);
    const url = `/decisions/${decision.id}/record/versions`;
    const byOwner = await api("POST", url, {
      token: await as(team.owner),
      body: { context: "We run two stacks; pick one.", note: "Sharper context" },
    });
    expect(byOwner.status).toBe(201);
    const byLead = await api("POST", url, {
      token: await as(team.lead),
      body: { consequencesBad: "serving needs a new exporter" },
    });
    expect(byLead.status).toBe(201);
    expect(
      byLead.body.versions.map((v: { version: number; authorName: string; note: string }) => [
        v.version,
        v.authorName,
        v.note,
      ]),
    ).toEqual([
      [1, "Lead", "Generated when the vote closed."],
      [2, "Owner", "Sharper context"],
      [3, "Lead", ""],
    ]);
    expect(byLead.body.versions[2].narrative.context).toBe("We run two stacks; pick one.");
    expect(byLead.body.versions.map((v: { changedFields: string[] }) => v.changedFields)).toEqual([
      [],
      ["context"],
      ["consequencesBad"],
    ]);
    expect(byLead.body.markdown).toContain("- Bad, because serving needs a new exporter");

    const events = await db().prisma.auditEvent.findMany({
      where: { entityId: byLead.body.id, action: "record.revised" },
      orderBy: { seq: "asc" },
    });
    expect(events).toHaveLength(2);
    expect(events[0]!.actorId).toBe(team.owner.userId);
    expect(events[0]!.data).toMatchObject({
      version: 2,
      changed: ["context"],
      diff: { context: { before: frameworkDecision.context, after: "We run two stacks; pick one." } },
    });

    const token = await as(team.member);
    const v1 = await api("GET", `/decisions/${decision.id}/record/versions/1`, { token });
    const v3 = await api("GET", `/decisions/${decision.id}/record/versions/3`, { token });
    expect(v1.status).toBe(200);
    const diff = diffLines(v1.body.markdown, v3.body.markdown);
    expect(diff.filter((d) => d.kind === "removed").map((d) => d.text)).toContain(frameworkDecision.context);
    expect(diff.filter((d) => d.kind === "added").map((d) => d.text)).toEqual(
      expect.arrayContaining(["We run two stacks; pick one.", "- Bad, because serving needs a new exporter"]),
    );
    expect((await api("GET", `/decisions/${decision.id}/record/versions/9`, { token })).status).toBe(404);

    const lead = await as(team.lead);
    const same = await api("POST", url, { token: lead, body: { context: "We run two stacks; pick one." } });
    expect(same.status).toBe(422);
    expect(same.body.error.message).toMatch(/Nothing to save/);
    // A lead titles the record apart from the decision; the H1 carries no number (MADR).
    const retitled = await api("POST", url, { token: lead, body: { title: "Standardize on PyTorch for training" } });
    expect(retitled.status).toBe(201);
    expect(retitled.body).toMatchObject({ title: "Standardize on PyTorch for training", ownTitle: true });
    expect(retitled.body.markdown).toContain("\n# Standardize on PyTorch for training\n");
    expect((await api("POST", url, { token: lead, body: {} })).status).toBe(422);
    const wrongOption = await api("POST", url, { token: lead, body: { chosenOptionId: "not-an-option" } });
    expect(wrongOption.status).toBe(422);
    expect(wrongOption.body.error.details.issues[0].path).toBe("chosenOptionId");
    expect(
      (
        await api("POST", url, {
          token: lead,
          rawBody: "{not json",
          headers: { "content-type": "application/json" },
        })
      ).status,
    ).toBe(400);
  });

  it("keeps an accepted record's text: every later save is a 409, and the status cannot go back", async () => {
    const team = await makeTeam();
    const decision = await accepted(team);
    const token = await as(team.owner);
    const before = await api("GET", `/decisions/${decision.id}/record`, { token });
    expect(before.body.status).toBe("accepted");
    expect(before.body.versions.at(-1).note).toBe("Accepted: Agreed in review.");
    expect(before.body.markdown).toMatch(/^---\nstatus: "accepted"\n/);
    const save = await api("POST", `/decisions/${decision.id}/record/versions`, {
      token,
      body: { context: "Rewritten history" },
    });
    expect(save.status).toBe(409);
    expect(save.body.error.message).toMatch(/accepted record's text never changes/);
    expect((await api("POST", `/decisions/${decision.id}/record/accept`, { token })).status).toBe(409);
    expect(
      (await api("POST", `/decisions/${decision.id}/record/reject`, { token, body: { comment: "Too late" } }))
        .status,
    ).toBe(409);
    expect(
      (await api("POST", `/decisions/${decision.id}/reopen`, { token, body: { reason: "Try again" } }))
        .status,
    ).toBe(409);
    const after = await api("GET", `/decisions/${decision.id}/record`, { token });
    expect(after.body.markdown).toBe(before.body.markdown);
    expect(after.body.versions).toHaveLength(before.body.versions.length);
  });

  it("rejects a proposed record only with a comment, and proposes it again when the vote is reopened and closed", async () => {
    const team = await makeTeam();
    const decision = await closedDecision(team);
    const token = await as(team.lead);
    await api("POST", `/decisions/${decision.id}/record/versions`, {
      token,
      body: { confirmation: "Pilot with the ranking team." },
    });
    expect((await api("POST", `/decisions/${decision.id}/record/reject`, { token })).status).toBe(422);
    const rejected = await api("POST", `/decisions/${decision.id}/record/reject`, {
      token,
      body: { comment: "Two voters were missing." },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe("rejected");
    expect(rejected.body.markdown).toMatch(/^---\nstatus: "rejected"\n/);
    expect(
      (await api("POST", `/decisions/${decision.id}/record/versions`, { token, body: { context: "x" } }))
        .status,
    ).toBe(409);

    expect(
      (
        await api("POST", `/decisions/${decision.id}/reopen`, {
          token,
          body: { reason: "Two voters were missing." },
        })
      ).status,
    ).toBe(200);
    await api("PUT", `/decisions/${decision.id}/ballot`, {
      token: await as(team.owner),
      body: ballotFrom(decision, [
        [2, 2, 2],
        [9, 9, 9],
        [1, 1, 1],
      ]),
    });
    expect((await api("POST", `/decisions/${decision.id}/close`, { token })).status).toBe(200);
    const again = await api("GET", `/decisions/${decision.id}/record`, { token });
    expect(again.body.status).toBe("proposed");
    expect(again.body.versions.at(-1)).toMatchObject({ version: 4, authorId: team.lead.userId });
    // The lead's own confirmation stays; fields they never touched follow the new vote.
    expect(again.body.versions.at(-1).narrative.confirmation).toBe("Pilot with the ranking team.");
    expect(again.body.versions.at(-1).narrative.justification).not.toBe(
      again.body.versions[0].narrative.justification,
    );
    expect(await db().prisma.decisionRecord.count({ where: { decisionId: decision.id } })).toBe(1);
  });

  it("supersedes an accepted record only once its successor is accepted: then linked both ways, in both files", async () => {
    const team = await makeTeam();
    const old = await accepted(team);
    const newer = await closedDecision(team, CLEAR, {
      ...frameworkDecision,
      title: "Which framework, now that JAX matured?",
    });
    const token = await as(team.lead);
    const before = await api("GET", `/decisions/${old.id}/record`, { token });

    // A proposed successor only names its predecessor; nothing is superseded yet.
    const res = await api("POST", `/decisions/${old.id}/record/supersede`, {
      token,
      body: { byNumber: 2, comment: "Revisited after a year." },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("accepted");
    expect(res.body.supersededBy).toBeNull();
    expect(res.body.markdown).toBe(before.body.markdown);
    const pending = await api("GET", `/decisions/${newer.id}/record`, { token });
    expect(pending.body.willSupersede).toMatchObject({ decisionId: old.id, key: "ADR-0001", status: "accepted" });

    const accept = await api("POST", `/decisions/${newer.id}/record/accept`, { token, body: {} });
    expect(accept.status).toBe(200);
    const after = await api("GET", `/decisions/${old.id}/record`, { token });
    expect(after.body.status).toBe("superseded by ADR-0002");
    expect(after.body.supersededBy).toMatchObject({ decisionId: newer.id, key: "ADR-0002", status: "accepted" });
    const newerFile = "0002-which-framework-now-that-jax-matured.md";
    expect(after.body.markdown).toMatch(/^---\nstatus: "superseded by ADR-0002"\n/);
    // Only the status line and the link changed; the accepted narrative text is untouched.
    const changed = diffLines(before.body.markdown, after.body.markdown)
      .filter((d) => d.kind !== "same")
      .map((d) => d.text);
    expect(changed).toEqual([
      'status: "accepted"',
      'status: "superseded by ADR-0002"',
      "",
      `Superseded by [ADR-0002](${newerFile}).`,
    ]);

    const replacement = await api("GET", `/decisions/${newer.id}/record`, { token });
    expect(replacement.body.supersedes).toEqual([
      expect.objectContaining({ decisionId: old.id, key: "ADR-0001" }),
    ]);
    expect(replacement.body.willSupersede).toBeNull();
    const oldFile = after.body.fileName;
    expect(oldFile).toBe("0001-which-framework-do-we-standardize-on.md");
    expect(replacement.body.markdown).toContain(`\nSupersedes [ADR-0001](${oldFile}).\n`);
    const rows = await db().prisma.decisionRecord.findMany({
      where: { decisionId: { in: [old.id, newer.id] } },
    });
    const oldRow = rows.find((r) => r.decisionId === old.id)!;
    const newRow = rows.find((r) => r.decisionId === newer.id)!;
    expect(oldRow.supersededById).toBe(newRow.id);
    expect(newRow.supersedesId).toBe(oldRow.id);
    // Linking fixed both file names for good.
    expect([oldRow.fileName, newRow.fileName]).toEqual([oldFile, newerFile]);
    const actions = await db().prisma.auditEvent.findMany({
      where: { entityId: { in: [oldRow.id, newRow.id] } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["record.supersede_pending", "record.superseded", "record.supersedes", "record.file_named"]),
    );

    expect(
      (await api("POST", `/decisions/${old.id}/record/supersede`, { token, body: { byNumber: 2 } })).status,
    ).toBe(409);
    expect(
      (await api("POST", `/decisions/${newer.id}/record/supersede`, { token, body: { byNumber: 2 } })).status,
    ).toBe(422);
    expect(
      (await api("POST", `/decisions/${newer.id}/record/supersede`, { token, body: { byNumber: 99 } }))
        .status,
    ).toBe(422);
    expect(
      (await api("POST", `/decisions/${newer.id}/record/supersede`, { token, body: { by: 1 } })).status,
    ).toBe(422);
  });

  it("leaves the predecessor as it was when its proposed successor is rejected, and refuses a rejected successor", async () => {
    const team = await makeTeam();
    const old = await accepted(team);
    const newer = await closedDecision(team, CLEAR, { ...frameworkDecision, title: "Switch to JAX" });
    const token = await as(team.lead);
    const before = await api("GET", `/decisions/${old.id}/record`, { token });
    await api("POST", `/decisions/${old.id}/record/supersede`, { token, body: { byDecisionId: newer.id } });
    const rejected = await api("POST", `/decisions/${newer.id}/record/reject`, { token, body: { comment: "Not yet." } });
    expect(rejected.status).toBe(200);
    expect(rejected.body.willSupersede).toBeNull();
    const after = await api("GET", `/decisions/${old.id}/record`, { token });
    expect(after.body.status).toBe("accepted");
    expect(after.body.markdown).toBe(before.body.markdown);
    expect(after.body.supersededBy).toBeNull();
    const again = await api("POST", `/decisions/${old.id}/record/supersede`, { token, body: { byDecisionId: newer.id } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/only an accepted record supersedes/);
  });

  it("numbers records when they are created, so drafts and open votes never hold an ADR number", async () => {
    const team = await makeTeam();
    const token = await as(team.lead);
    // Two decisions drafted first, then one that closes: the closed one's record is ADR-0001.
    const draft = await api("POST", `/projects/${team.project.id}/decisions`, { token, body: frameworkDecision });
    await createOpenDecision(team.lead, team.project.id, frameworkDecision);
    expect(draft.body.key).toBe("D-1");
    const closed = await closedDecision(team);
    const record = await api("GET", `/decisions/${closed.id}/record`, { token });
    expect(record.body).toMatchObject({ number: 1, key: "ADR-0001", decisionNumber: 3 });
    // An import takes ADR-0002 and 0005 for good; the next record created gets ADR-0006.
    await uploadZip(
      team.project.id,
      token,
      await zipOf({
        "docs/adr/0002-use-redis.md": "# 2. Use Redis\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n",
        "docs/adr/0005-use-kafka.md": "# 5. Use Kafka\n\nDate: 2021-01-01\n\n## Status\n\nAccepted\n",
      }),
    );
    const next = await closedDecision(team);
    expect((await api("GET", `/decisions/${next.id}/record`, { token })).body.key).toBe("ADR-0006");
  });

  it("supersedes only with a record of the same project, found by decision id", async () => {
    const team = await makeTeam();
    const other = await makeTeam("Other team");
    const old = await accepted(team);
    const foreign = await closedDecision(other);
    const token = await as(team.lead);
    const res = await api("POST", `/decisions/${old.id}/record/supersede`, {
      token,
      body: { byDecisionId: foreign.id },
    });
    expect(res.status).toBe(422);
    const draft = await api("POST", `/projects/${team.project.id}/decisions`, {
      token,
      body: { ...frameworkDecision, title: "Draft" },
    });
    const noRecord = await api("POST", `/decisions/${old.id}/record/supersede`, {
      token,
      body: { byDecisionId: draft.body.id },
    });
    expect(noRecord.status).toBe(409);
    expect(noRecord.body.error.message).toMatch(/no record yet/);
  });

  it("deprecates an accepted record, and only an accepted one", async () => {
    const team = await makeTeam();
    const proposed = await closedDecision(team);
    const token = await as(team.owner);
    expect((await api("POST", `/decisions/${proposed.id}/record/deprecate`, { token })).status).toBe(409);
    const decision = await accepted(team);
    const res = await api("POST", `/decisions/${decision.id}/record/deprecate`, {
      token,
      body: { comment: "The platform moved on." },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("deprecated");
    expect(res.body.markdown).toMatch(/^---\nstatus: "deprecated"\n/);
    expect(res.body.versions.at(-1)).toMatchObject({
      authorId: team.owner.userId,
      note: "Deprecated: The platform moved on.",
    });
    expect((await api("POST", `/decisions/${decision.id}/record/deprecate`, { token })).status).toBe(409);
    expect(
      (await api("POST", `/decisions/${decision.id}/record/supersede`, { token, body: { byNumber: 1 } }))
        .status,
    ).toBe(409);
  });

  it("refuses every record write to members and auditors (403) and every call to strangers (404)", async () => {
    const team = await makeTeam();
    const decision = await closedDecision(team);
    const accepted2 = await accepted(team);
    const zip = await zipOf({ "docs/decisions/0042-old.md": "# ADR-0042: Old\n\nStatus: accepted\n" });
    const writes: [string, string, unknown][] = [
      ["POST", `/decisions/${decision.id}/record/versions`, { context: "mine" }],
      ["POST", `/decisions/${decision.id}/record/accept`, {}],
      ["POST", `/decisions/${decision.id}/record/reject`, { comment: "no good" }],
      ["POST", `/decisions/${accepted2.id}/record/deprecate`, {}],
      ["POST", `/decisions/${accepted2.id}/record/supersede`, { byNumber: 1 }],
    ];
    const reads = [
      `/decisions/${decision.id}/record`,
      `/decisions/${decision.id}/record.md`,
      `/decisions/${decision.id}/record/versions/1`,
      `/decisions/${decision.id}/export.json`,
      `/decisions/${decision.id}/ballots.csv`,
      `/projects/${team.project.id}/records`,
      `/projects/${team.project.id}/records.zip`,
    ];
    for (const who of [team.member, team.auditor]) {
      const token = await as(who);
      for (const [method, url, body] of writes) {
        const res = await api(method, url, { token, body });
        expect(res.status, `${method} ${url}`).toBe(403);
      }
      expect((await uploadZip(team.project.id, token, zip)).status).toBe(403);
      for (const url of reads) expect((await api("GET", url, { token })).status, url).toBe(200);
    }
    const stranger = await as(team.stranger);
    for (const url of reads) expect((await api("GET", url, { token: stranger })).status, url).toBe(404);
    for (const [method, url, body] of writes)
      expect((await api(method, url, { token: stranger, body })).status, url).toBe(404);
    expect((await uploadZip(team.project.id, stranger, zip)).status).toBe(404);
    expect((await api("GET", `/decisions/${decision.id}/record`)).status).toBe(401);
    const record = await api("GET", `/decisions/${decision.id}/record`, { token: await as(team.lead) });
    expect(record.body.status).toBe("proposed");
    expect(record.body.versions).toHaveLength(1);
    expect(await db().prisma.decision.count({ where: { projectId: team.project.id, number: 42 } })).toBe(0);
  });

  it("answers 409 for a decision whose vote has not closed yet", async () => {
    const team = await makeTeam();
    const open = await createOpenDecision(team.lead, team.project.id);
    const token = await as(team.lead);
    expect((await api("GET", `/decisions/${open.id}/record`, { token })).status).toBe(409);
    expect((await api("GET", `/decisions/${open.id}/record.md`, { token })).status).toBe(409);
    expect((await api("POST", `/decisions/${open.id}/record/accept`, { token })).status).toBe(409);
    expect((await api("GET", `/decisions/${open.id}/ballots.csv`, { token })).status).toBe(409);
  });

  it("lists records with status filter, full-text search and the supersede chain", async () => {
    const team = await makeTeam();
    const first = await accepted(team, CLEAR, { ...frameworkDecision, title: "Pick a training framework" });
    const second = await closedDecision(team, CLEAR, {
      ...frameworkDecision,
      title: "Pick a serving stack",
      context: "Latency budget is 50% of today's.",
    });
    const third = await closedDecision(team, TIE, { ...frameworkDecision, title: "Pick a feature store" });
    const lead = await as(team.lead);
    await api("POST", `/decisions/${third.id}/record/reject`, {
      token: lead,
      body: { comment: "Scope unclear." },
    });
    await api("POST", `/decisions/${first.id}/record/supersede`, { token: lead, body: { byNumber: 2 } });

    const token = await as(team.auditor);
    const base = `/projects/${team.project.id}/records`;
    // While the successor is proposed, the chain is only pending.
    const pending = await api("GET", base, { token });
    expect(pending.body.records.map((r: { key: string; status: string }) => [r.key, r.status])).toEqual([
      ["ADR-0003", "rejected"],
      ["ADR-0002", "proposed"],
      ["ADR-0001", "accepted"],
    ]);
    expect(pending.body.records[1].willSupersede).toEqual({ decisionId: first.id, key: "ADR-0001" });
    const proposed = await api("GET", `${base}?status=proposed`, { token });
    expect(proposed.body.records.map((r: { key: string }) => r.key)).toEqual(["ADR-0002"]);
    await api("POST", `/decisions/${second.id}/record/accept`, { token: lead, body: {} });

    const all = await api("GET", base, { token });
    expect(all.status).toBe(200);
    expect(all.body.records.map((r: { key: string; status: string }) => [r.key, r.status])).toEqual([
      ["ADR-0003", "rejected"],
      ["ADR-0002", "accepted"],
      ["ADR-0001", "superseded by ADR-0002"],
    ]);
    const one = all.body.records[2];
    expect(one).toMatchObject({
      title: "Pick a training framework",
      chosenOption: { name: "PyTorch" },
      supersededBy: { key: "ADR-0002" },
    });
    expect(one.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(all.body.records[1].supersedes).toEqual([{ decisionId: first.id, key: "ADR-0001" }]);
    expect(all.body.records[0].chosenOption).toBeNull();

    const superseded = await api("GET", `${base}?status=superseded`, { token });
    expect(superseded.body.records.map((r: { key: string }) => r.key)).toEqual(["ADR-0001"]);
    expect(superseded.body.records[0].supersededBy.key).toBe("ADR-0002");

    const byTitle = await api("GET", `${base}?q=FEATURE%20store`, { token });
    expect(byTitle.body.records.map((r: { key: string }) => r.key)).toEqual(["ADR-0003"]);
    const byContent = await api("GET", `${base}?q=${encodeURIComponent("painless")}`, { token });
    expect(byContent.body.records.map((r: { key: string }) => r.key).sort()).toEqual([
      "ADR-0001",
      "ADR-0002",
    ]);
    expect(byContent.body.records[0].excerpt).toMatch(/painless/);
    const percent = await api("GET", `${base}?q=${encodeURIComponent("50%")}`, { token });
    expect(percent.body.records.map((r: { key: string }) => r.key)).toEqual(["ADR-0002"]);
    const literal = await api("GET", `${base}?q=${encodeURIComponent("%_%")}`, { token });
    expect(literal.body.records).toEqual([]);
    expect((await api("GET", `${base}?status=archived`, { token })).status).toBe(422);
  });

  it("renders hostile text anywhere in a record inert, saved or previewed", async () => {
    const team = await makeTeam();
    const decision = await closedDecision(team, CLEAR, {
      ...frameworkDecision,
      title: `Framework ${EVIL}`,
      context: EVIL,
      options: [{ name: `PyTorch ${EVIL}` }, { name: "TensorFlow" }, { name: "JAX" }],
      criteria: [
        { name: `Flexibility ${EVIL}`, weight: 3 },
        { name: "Production readiness", weight: 2 },
        { name: "Ecosystem", weight: 1 },
      ],
    });
    const token = await as(team.lead);
    const saved = await api("POST", `/decisions/${decision.id}/record/versions`, {
      token,
      body: {
        justification: EVIL,
        consequencesGood: EVIL,
        consequencesBad: EVIL,
        confirmation: EVIL,
        moreInformation: `[x](javascript:alert(1)) ${EVIL}`,
      },
    });
    expect(saved.status).toBe(201);
    const html = renderMarkdown(saved.body.markdown);
    expect(tagsOf(html)).not.toMatch(/<img|<script|<iframe|onerror|javascript/i);
    expect(html).toContain("&lt;img src=x onerror=");
    const preview = await previewRecord(team.lead, decision.id, {
      context: `${EVIL}\n\n<iframe src="https://evil.example"></iframe>`,
    });
    expect(tagsOf(preview.html)).not.toMatch(/<img|<script|<iframe|onerror|javascript/i);
    expect(preview.html).toContain("&lt;iframe");
  });

  it("exports a decision as JSON and its ballots as CSV, with the ballots API's visibility", async () => {
    const team = await makeTeam();
    const open = await createOpenDecision(team.lead, team.project.id);
    const early = await api("GET", `/decisions/${open.id}/export.json`, { token: await as(team.auditor) });
    expect(early.status).toBe(200);
    expect(early.body.ballots).toBeNull();
    expect(early.body.result).toBeNull();

    const decision = await closedDecision(team);
    const auditor = await api("GET", `/decisions/${decision.id}/export.json`, {
      token: await as(team.auditor),
    });
    expect(auditor.headers.get("content-disposition")).toBe('attachment; filename="d-2-export.json"');
    expect(auditor.body.decision).toMatchObject({ id: decision.id, key: "D-2", status: "CLOSED" });
    expect(auditor.body.ballots).toHaveLength(3);
    expect(auditor.body.result.winnerOptionIds).toHaveLength(1);
    expect(auditor.body.record).toMatchObject({ status: "proposed", version: 1 });
    const member = await api("GET", `/decisions/${decision.id}/export.json`, {
      token: await as(team.member),
    });
    expect(member.body.ballots.map((b: { voter: { id: string } }) => b.voter.id)).toEqual([
      team.member.userId,
    ]);

    const csv = await api("GET", `/decisions/${decision.id}/ballots.csv`, { token: await as(team.lead) });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="d-2-ballots.csv"');
    const rows = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(3 * 3 * 3);
    expect(rows[0]).toMatchObject({ decision: "D-2", option: "PyTorch", criterion: "Flexibility" });
    const memberRow = rows.find(
      (r) => r.voter_name === "Member" && r.option === "PyTorch" && r.criterion === "Flexibility",
    )!;
    expect(memberRow).toMatchObject({
      score: "10",
      abstained: "no",
      rationale: "Eager mode makes debugging research code painless.",
    });
    const own = await api("GET", `/decisions/${decision.id}/ballots.csv`, { token: await as(team.member) });
    const ownRows = Papa.parse<Record<string, string>>(own.text, { header: true, skipEmptyLines: true }).data;
    expect(new Set(ownRows.map((r) => r.voter_name))).toEqual(new Set(["Member"]));
  });

  it("keeps formulas in ballot text from running in a spreadsheet", async () => {
    const team = await makeTeam();
    const decision = await createOpenDecision(team.lead, team.project.id);
    const ballot = ballotFrom(decision, [
      [null, 1, 2],
      [3, 4, 5],
      [6, 7, 8],
    ]);
    ballot.scores[1] = {
      ...ballot.scores[1]!,
      rationale: '=HYPERLINK("https://evil.example","x")\nsecond line',
    } as (typeof ballot.scores)[number];
    await api("PUT", `/decisions/${decision.id}/ballot`, { token: await as(team.member), body: ballot });
    await api("POST", `/decisions/${decision.id}/close`, { token: await as(team.lead) });
    const csv = await api("GET", `/decisions/${decision.id}/ballots.csv`, { token: await as(team.auditor) });
    const rows = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true }).data;
    expect(rows[0]).toMatchObject({ score: "", abstained: "yes" });
    expect(rows[1]!.rationale!.startsWith("'=HYPERLINK")).toBe(true);
  });

  it("exports every record as docs/decisions/*.md and imports them into another project unchanged", async () => {
    const team = await makeTeam();
    const first = await accepted(team, CLEAR, {
      ...frameworkDecision,
      title: "Adopt PyTorch: training & serving (v2)",
    });
    await closedDecision(team, TIE, { ...frameworkDecision, title: "Pick a feature store" });
    await accepted(team, CLEAR, { ...frameworkDecision, title: "Replace the model registry" });
    const rejected = await closedDecision(team, CLEAR, { ...frameworkDecision, title: "Move to Kubernetes" });
    const lead = await as(team.lead);
    await api("POST", `/decisions/${first.id}/record/supersede`, { token: lead, body: { byNumber: 3 } });
    await api("POST", `/decisions/${rejected.id}/record/reject`, {
      token: lead,
      body: { comment: "Not now." },
    });

    const exported = await api("GET", `/projects/${team.project.id}/records.zip`, {
      token: await as(team.member),
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("application/zip");
    expect(exported.headers.get("content-disposition")).toBe(
      'attachment; filename="ml-platform-decision-records.zip"',
    );
    const { GET } = await import("@/app/api/v1/projects/[projectId]/records.zip/route");
    const response = await GET(
      new Request(`http://localhost/api/v1/projects/${team.project.id}/records.zip`, {
        headers: { authorization: `Bearer ${lead}` },
      }),
      {
        params: Promise.resolve({ projectId: team.project.id }),
      },
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    const zip = await JSZip.loadAsync(bytes);
    expect(
      Object.keys(zip.files)
        .filter((name) => !zip.files[name]!.dir)
        .sort(),
    ).toEqual([
      "docs/decisions/0001-adopt-pytorch-training-serving-v2.md",
      "docs/decisions/0002-pick-a-feature-store.md",
      "docs/decisions/0003-replace-the-model-registry.md",
      "docs/decisions/0004-move-to-kubernetes.md",
      "docs/decisions/index.md",
    ]);

    const target = await makeTeam("Archive");
    const imported = await uploadZip(target.project.id, await as(target.lead), bytes);
    expect(imported.status).toBe(201);
    expect(imported.body.imported.map((r: { key: string }) => r.key)).toEqual([
      "ADR-0001",
      "ADR-0002",
      "ADR-0003",
      "ADR-0004",
    ]);

    const index = async (projectId: string, actor: Actor) => {
      const token = await as(actor);
      const list = await api("GET", `/projects/${projectId}/records`, { token });
      return Promise.all(
        list.body.records.map(
          async (r: {
            decisionId: string;
            number: number;
            title: string;
            status: string;
            supersededBy: { key: string } | null;
          }) => ({
            number: r.number,
            title: r.title,
            status: r.status,
            supersededBy: r.supersededBy?.key ?? null,
            markdown: (await api("GET", `/decisions/${r.decisionId}/record.md`, { token })).text,
          }),
        ),
      );
    };
    const original = await index(team.project.id, team.owner);
    const copy = await index(target.project.id, target.owner);
    expect(copy).toEqual(original);

    const historical = await db().prisma.decisionRecord.findMany({
      where: { decision: { projectId: target.project.id } },
      include: { decision: true },
    });
    expect(historical.every((r) => r.historical && r.decision.status === "CLOSED")).toBe(true);
    const events = await db().prisma.auditEvent.findMany({
      where: { projectId: target.project.id, action: "record.imported" },
    });
    expect(events).toHaveLength(4);
    // The project's next record number continues after the highest imported one.
    expect(
      (await db().prisma.project.findUniqueOrThrow({ where: { id: target.project.id } })).nextRecordNumber,
    ).toBe(5);
    // Importing the same folder again finds every record as it was and changes nothing.
    const eventsBefore = await db().prisma.auditEvent.count({ where: { projectId: target.project.id } });
    const again = await uploadZip(target.project.id, await as(target.owner), bytes, false);
    expect(again.status).toBe(201);
    expect(again.body.imported).toEqual([]);
    expect(again.body.updated).toEqual([]);
    expect(again.body.unchanged.map((r: { key: string }) => r.key)).toEqual(["ADR-0001", "ADR-0002", "ADR-0003", "ADR-0004"]);
    expect(again.body.notes).toContainEqual({ file: "docs/decisions/index.md", note: "skipped: the folder's index, not a record" });
    expect(await db().prisma.auditEvent.count({ where: { projectId: target.project.id } })).toBe(eventsBefore);
  });

  it("imports adr-tools and older MADR files, and reports a broken file by name and line without importing anything", async () => {
    const team = await makeTeam();
    const token = await as(team.lead);
    const good = {
      "decisions/0007-use-postgres.md":
        "# 7. Use PostgreSQL\n\nDate: 2018-03-01\n\n## Status\n\nSuperseded by [8. Use PGlite](0008-use-pglite.md)\n\n## Context\n\nWe need a database.\n",
      "decisions/0008-use-pglite.md":
        "---\nstatus: accepted\ndate: 2019-05-02\n---\n\n# Use PGlite for tests\n\n## Context and Problem Statement\n\nFast tests.\n",
      "decisions/README.md": "# Decisions\n",
    };
    const broken = await zipOf({
      ...good,
      "decisions/0009-broken.md": "---\nstatus: accepted\ndate: 2019-13-45\n---\n\n# ADR-0009: Broken date\n",
      "decisions/0010-no-title.md": "---\nstatus: maybe\n---\n\nJust text.\n",
    });
    const before = await db().prisma.auditEvent.count({ where: { projectId: team.project.id } });
    const refused = await uploadZip(team.project.id, token, broken);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/Nothing was imported/);
    // A date it cannot read or a status of its own is not an error (unknown, or kept verbatim).
    expect(refused.body.error.details.errors).toEqual([
      {
        file: "decisions/0010-no-title.md",
        line: 5,
        message: expect.stringMatching(/missing title heading/),
      },
    ]);
    expect(await db().prisma.decision.count({ where: { projectId: team.project.id } })).toBe(0);
    expect(await db().prisma.auditEvent.count({ where: { projectId: team.project.id } })).toBe(before);

    const notZip = await uploadZip(team.project.id, token, new TextEncoder().encode("plain text"), false);
    expect(notZip.status).toBe(422);
    const empty = await uploadZip(team.project.id, token, await zipOf({ "notes.txt": "hello" }));
    expect(empty.status).toBe(422);

    const ok = await uploadZip(team.project.id, token, await zipOf(good));
    expect(ok.status).toBe(201);
    expect(ok.body.skipped).toEqual(["decisions/README.md"]);
    expect(ok.body.imported).toEqual([
      expect.objectContaining({ key: "ADR-0007", title: "Use PostgreSQL", status: "superseded by ADR-0008" }),
      expect.objectContaining({ key: "ADR-0008", title: "Use PGlite for tests", status: "accepted" }),
    ]);
    const list = await api("GET", `/projects/${team.project.id}/records`, { token });
    expect(
      list.body.records.map((r: { key: string; date: string; supersededBy: { key: string } | null }) => [
        r.key,
        r.date,
        r.supersededBy?.key ?? null,
      ]),
    ).toEqual([
      ["ADR-0008", "2019-05-02", null],
      ["ADR-0007", "2018-03-01", "ADR-0008"],
    ]);
    // An imported record keeps its text: only its status can change.
    const pglite = ok.body.imported[1].decisionId;
    expect(
      (await api("POST", `/decisions/${pglite}/record/versions`, { token, body: { context: "new" } })).status,
    ).toBe(409);
    const deprecated = await api("POST", `/decisions/${pglite}/record/deprecate`, { token });
    expect(deprecated.status).toBe(200);
    // Only its status line changes, plus the link back to the record it supersedes.
    expect(deprecated.body.markdown).toBe(
      `${good["decisions/0008-use-pglite.md"].replace("status: accepted", 'status: "deprecated"')}\nSupersedes [ADR-0007](0007-use-postgres.md).\n`,
    );
  });

  it("refuses to reopen the vote of an imported record (409), changing nothing", async () => {
    const team = await makeTeam();
    const token = await as(team.lead);
    const imported = await uploadZip(
      team.project.id,
      token,
      await zipOf({
        "docs/decisions/0004-use-postgres.md":
          "---\nstatus: proposed\ndate: 2020-02-03\n---\n\n# Use Postgres\n\n## Context and Problem Statement\n\nWe need a database.\n",
      }),
    );
    expect(imported.status).toBe(201);
    const decisionId = imported.body.imported[0].decisionId;
    const before = await db().prisma.auditEvent.count({ where: { projectId: team.project.id } });

    const reopen = await api("POST", `/decisions/${decisionId}/reopen`, { token, body: { reason: "Revisit it" } });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.message).toMatch(/imported from history; there is no vote to reopen/);
    expect((await db().prisma.decision.findUniqueOrThrow({ where: { id: decisionId } })).status).toBe("CLOSED");
    expect(await db().prisma.auditEvent.count({ where: { projectId: team.project.id } })).toBe(before);
    const record = await api("GET", `/decisions/${decisionId}/record.md`, { token });
    expect(record.headers.get("content-disposition")).toBe('attachment; filename="0004-use-postgres.md"');
  });

  it("refuses an import as a whole when one file's number is already in use, naming that file", async () => {
    const team = await makeTeam();
    await closedDecision(team); // ADR-0001
    const token = await as(team.lead);
    const before = await db().prisma.auditEvent.count({ where: { projectId: team.project.id } });
    const refused = await uploadZip(
      team.project.id,
      token,
      await zipOf({
        "docs/decisions/0001-use-mysql.md": "---\nstatus: accepted\ndate: 2017-01-01\n---\n\n# Use MySQL\n",
        "docs/decisions/0002-use-redis.md": "---\nstatus: accepted\ndate: 2017-02-01\n---\n\n# Use Redis\n",
      }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'docs/decisions/0001-use-mysql.md: ADR-0001 is already "Which framework do we standardize on?" in this project. Nothing was imported.',
    );
    expect(refused.body.error.details.conflicts).toEqual([
      { file: "docs/decisions/0001-use-mysql.md", number: 1, message: expect.stringContaining("ADR-0001") },
    ]);
    // The file without a conflict was not imported either.
    const titles = (await db().prisma.decision.findMany({ where: { projectId: team.project.id } })).map((d) => d.title);
    expect(titles).toEqual(["Which framework do we standardize on?"]);
    expect(await db().prisma.auditEvent.count({ where: { projectId: team.project.id } })).toBe(before);
  });

  it("writes a contested result's record without a chosen option, naming both winners, until a lead picks one", async () => {
    const team = await makeTeam();
    // One criterion, so totals are plain means. Owner X 10, Y 0; lead and member X 4, Y 5.
    // Means X 6, Y 10/3 → X leads the weighted totals (60.0 vs 33.3); two of three voters rank Y first,
    // so Borda gives Y 2 points and X 1: the result is contested.
    const decision = await closedDecision(
      team,
      { owner: [[10], [0]], lead: [[4], [5]], member: [[4], [5]] },
      {
        title: "Which queue do we adopt?",
        weightMode: "FIXED",
        options: [{ name: "Kafka" }, { name: "RabbitMQ" }],
        criteria: [{ name: "Throughput", weight: 1 }],
      },
    );
    const token = await as(team.lead);
    const results = await api("GET", `/decisions/${decision.id}/results`, { token });
    // Medians X 4, Y 5: by medians Y wins, so the centres disagree as well.
    expect(results.body.flags).toEqual(["contested", "median_disagrees"]);
    const record = await api("GET", `/decisions/${decision.id}/record`, { token });
    expect(record.body.chosenOptionId).toBeNull();
    const md: string = record.body.markdown;
    expect(md).toContain("No option is chosen yet.");
    expect(md).toContain(
      'The result is contested: the weighted totals put "Kafka" first, but the Borda count of the voters\' own rankings puts "RabbitMQ" first.',
    );
    expect(md).toContain(
      "- contested: the Borda count of the voters' own rankings has a different winner than the weighted totals.",
    );
    expect(md).toContain("| 1 | Kafka | 60.0 |");
    expect(md).toContain("| 2 | RabbitMQ | 33.3 |");

    const refused = await api("POST", `/decisions/${decision.id}/record/accept`, { token });
    expect(refused.status).toBe(422);
    await api("POST", `/decisions/${decision.id}/record/versions`, {
      token,
      body: { chosenOptionId: decision.options[1]!.id, justification: "most of the team ranks it first." },
    });
    const ok = await api("POST", `/decisions/${decision.id}/record/accept`, { token, body: { comment: "Reviewed." } });
    expect(ok.status).toBe(200);
    expect(ok.body.markdown).toContain('Chosen option: "RabbitMQ", because most of the team ranks it first.');
    expect(ok.body.markdown).toContain("A lead picked this option because the result was contested.");
  });

  it("numbers concurrent saves one after another, never twice the same version", async () => {
    const team = await makeTeam();
    const decision = await closedDecision(team);
    const url = `/decisions/${decision.id}/record/versions`;
    const saves = await Promise.all(
      [team.owner, team.lead, team.owner].map(async (who, i) =>
        api("POST", url, { token: await as(who), body: { moreInformation: `Note ${i}` } }),
      ),
    );
    expect(saves.map((s) => s.status)).toEqual([201, 201, 201]);
    const versions = await db().prisma.recordVersion.findMany({
      where: { record: { decisionId: decision.id } },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4]);
  });

  it("seeds the demo's 2019 record as historical and accepted, to be superseded once ADR-0001's proposal is accepted", async () => {
    await seedDemo(db().prisma);
    const users = await db().prisma.user.findMany({
      where: { email: { in: DEMO_USERS.map((u) => u.email) } },
    });
    const actors = Object.fromEntries(
      DEMO_USERS.map((u) => [
        u.key,
        { userId: users.find((x) => x.email === u.email)!.id, via: "session" as const },
      ]),
    );
    const project = await db().prisma.project.findFirstOrThrow({
      where: { name: "ML Platform", members: { some: { userId: actors.priya!.userId } } },
    });
    // The lead wires this call into seedDemo; until then the test makes it.
    if (
      (await db().prisma.decisionRecord.count({
        where: { historical: true, decision: { projectId: project.id } },
      })) === 0
    ) {
      await seedDemoRecords(db().prisma, actors, project.id);
    }
    const list = await api("GET", `/projects/${project.id}/records`, { token: await as(actors.ken!) });
    const legacy = list.body.records.find(
      (r: { historical: boolean; title: string }) => r.historical && r.title.includes("TensorFlow 1.x"),
    );
    expect(legacy).toMatchObject({
      title: "Train new models with TensorFlow 1.x Estimators",
      status: "accepted",
      date: "2019-04-16",
      chosenOption: { id: null, name: "TensorFlow 1.x Estimators" },
      supersededBy: null,
    });
    const adr1 = list.body.records.find((r: { number: number }) => r.number === 1);
    expect(adr1).toMatchObject({
      status: "proposed",
      chosenOption: { name: "PyTorch" },
      supersedes: [],
      willSupersede: { key: "ADR-0002" },
    });
    const record = await api("GET", `/decisions/${adr1.decisionId}/record`, { token: await as(actors.ken!) });
    // The demo imports the legacy record right after closing ADR-0001, before it opens its second vote.
    expect(legacy.key).toBe("ADR-0002");
    // A proposal states no supersede yet: the demo shows no accepted record superseded by a proposed one.
    expect(record.body.markdown).not.toContain("Supersedes");
    expect(record.body.willSupersede).toMatchObject({ key: "ADR-0002", status: "accepted" });
    expect(record.body.markdown).toContain('Chosen option: "PyTorch", because it leads the weighted ranking');
  });
});
