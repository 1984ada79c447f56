import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { api, tokenFor } from "../support/api";
import { ballotFrom, createOpenDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase, type TestDb } from "../support/test-db";
import { canonicalJson } from "@/lib/domain/canonical-json";
import { GENESIS_HASH, hashEvent } from "@/lib/domain/hash-chain";
import { applyMigrations, pgliteRunner } from "@/lib/migrations";
import { acceptInvite } from "@/lib/server/members/accept-invite";
import { createInvite } from "@/lib/server/members/create-invite";
import { signUp } from "@/lib/server/sign-up";
import { runAuditCheckpoint } from "@/scripts/audit-checkpoint";
import { runAuditVerify } from "@/scripts/audit-verify";

type Team = Awaited<ReturnType<typeof makeTeam>>;

/** A team whose chain has a few more kinds of event than joining: 10 events in all. */
async function teamWithHistory(): Promise<Team & { ownerToken: string }> {
  const team = await makeTeam();
  const ownerToken = await tokenFor(team.owner);
  const base = `/projects/${team.project.id}/members`;
  for (const [who, role] of [
    [team.member, "LEAD"],
    [team.lead, "AUDITOR"],
    [team.member, "MEMBER"],
  ] as const) {
    const res = await api("PATCH", `${base}/${who.userId}`, { token: ownerToken, body: { role } });
    if (res.status !== 200) throw new Error(res.text);
  }
  return { ...team, ownerToken };
}

/** Runs SQL around the append-only trigger, the way someone with the database password could. */
async function tamper(db: TestDb, text: string, params: unknown[] = []) {
  await db.sql(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "audit_event_append_only"`);
  try {
    await db.sql(text, params);
  } finally {
    await db.sql(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "audit_event_append_only"`);
  }
}

async function verify(team: Team) {
  const res = await api("GET", `/projects/${team.project.id}/audit/verify`, {
    token: await tokenFor(team.auditor),
  });
  expect(res.status).toBe(200);
  return res.body as {
    status: string;
    count: number;
    headHash: string;
    firstBadSeq?: number;
    expected?: string;
    found?: string;
    reason?: string;
  };
}

/**
 * What a lost tail looks like once the project row lost its update too (a second server writing to
 * the same embedded folder): events after `keep` are gone and the row's count and head agree with
 * what is left, so comparing the chain with the row alone finds nothing wrong.
 */
async function loseTail(db: TestDb, projectId: string, keep: number) {
  await tamper(db, `DELETE FROM "AuditEvent" WHERE "projectId" = $1 AND seq > $2`, [projectId, keep]);
  await db.sql(
    `UPDATE "Project" SET "auditSeq" = $2,
       "auditHead" = COALESCE((SELECT hash FROM "AuditEvent" WHERE "projectId" = $1 AND seq = $2), '')
     WHERE id = $1`,
    [projectId, keep],
  );
}

const ROW_COLUMNS = `"projectId", seq, at, "actorId", action, "entityType", "entityId", data, "prevHash", hash`;

/** Copies a stored row aside so a test can delete it and put it back exactly. */
async function withRowRemoved(db: TestDb, projectId: string, seq: number, check: () => Promise<void>) {
  await db.sql(`CREATE TABLE IF NOT EXISTS audit_backup AS SELECT * FROM "AuditEvent" WITH NO DATA`);
  await db.sql(`INSERT INTO audit_backup SELECT * FROM "AuditEvent" WHERE "projectId" = $1 AND seq = $2`, [
    projectId,
    seq,
  ]);
  await tamper(db, `DELETE FROM "AuditEvent" WHERE "projectId" = $1 AND seq = $2`, [projectId, seq]);
  try {
    await check();
  } finally {
    await db.sql(
      `INSERT INTO "AuditEvent" (${ROW_COLUMNS}) SELECT ${ROW_COLUMNS} FROM audit_backup WHERE "projectId" = $1 AND seq = $2`,
      [projectId, seq],
    );
    await db.sql(`DELETE FROM audit_backup`);
  }
}

/** Recomputes a chain from exported records, as docs/audit-canonical-form.md tells a reader to. */
function recomputeChain(
  records: {
    projectId: string;
    seq: number;
    at: string;
    actorId: string | null;
    action: string;
    entityType: string;
    entityId: string;
    data: unknown;
    prevHash: string;
    hash: string;
  }[],
) {
  let head = GENESIS_HASH;
  for (const record of records) {
    expect(record.prevHash).toBe(head);
    expect(hashEvent(head, record)).toBe(record.hash);
    head = record.hash;
  }
  return head;
}

describeOnEachDatabase("the audit trail: history, verification and export", (db) => {
  it("finds an untouched chain intact, with the project's count and head hash", async () => {
    const team = await teamWithHistory();
    const project = await db().prisma.project.findUniqueOrThrow({ where: { id: team.project.id } });
    expect(await verify(team)).toEqual({
      status: "intact",
      count: 10,
      headHash: project.auditHead,
      anchorsChecked: 0,
    });
    expect(project.auditSeq).toBe(10);
  });

  it("detects a change to any stored field of an event at exactly that event, and recovers when it is undone", async () => {
    const team = await teamWithHistory();
    const where = `WHERE "projectId" = $1 AND seq = $2`;
    const cases: {
      field: string;
      seq: number;
      change: string;
      undo: string;
      undoParam?: (row: Record<string, unknown>) => unknown;
    }[] = [
      {
        field: "at",
        seq: 2,
        change: `SET at = at + interval '1 millisecond'`,
        undo: `SET at = at - interval '1 millisecond'`,
      },
      {
        field: "actorId",
        seq: 3,
        change: `SET "actorId" = 'someone-else'`,
        undo: `SET "actorId" = $3`,
        undoParam: (row) => row.actorId,
      },
      {
        field: "action",
        seq: 4,
        change: `SET action = 'member.removed'`,
        undo: `SET action = $3`,
        undoParam: (row) => row.action,
      },
      {
        field: "entityType",
        seq: 5,
        change: `SET "entityType" = 'project'`,
        undo: `SET "entityType" = $3`,
        undoParam: (row) => row.entityType,
      },
      {
        field: "entityId",
        seq: 6,
        change: `SET "entityId" = 'forged'`,
        undo: `SET "entityId" = $3`,
        undoParam: (row) => row.entityId,
      },
      {
        field: "data",
        seq: 8,
        change: `SET data = jsonb_set(data, '{after,role}', '"OWNER"')`,
        undo: `SET data = $3::jsonb`,
        undoParam: (row) => JSON.stringify(row.data),
      },
      {
        field: "prevHash",
        seq: 9,
        change: `SET "prevHash" = repeat('0', 64)`,
        undo: `SET "prevHash" = $3`,
        undoParam: (row) => row.prevHash,
      },
      {
        field: "hash",
        seq: 7,
        change: `SET hash = repeat('f', 64)`,
        undo: `SET hash = $3`,
        undoParam: (row) => row.hash,
      },
      {
        field: "hash of the last event",
        seq: 10,
        change: `SET hash = repeat('f', 64)`,
        undo: `SET hash = $3`,
        undoParam: (row) => row.hash,
      },
    ];
    for (const c of cases) {
      const row = await db().prisma.auditEvent.findUniqueOrThrow({
        where: { projectId_seq: { projectId: team.project.id, seq: c.seq } },
      });
      await tamper(db(), `UPDATE "AuditEvent" ${c.change} ${where}`, [team.project.id, c.seq]);
      const broken = await verify(team);
      expect({ field: c.field, status: broken.status, firstBadSeq: broken.firstBadSeq }).toEqual({
        field: c.field,
        status: "broken",
        firstBadSeq: c.seq,
      });
      expect(broken.count).toBe(c.seq - 1);
      expect(broken.reason).toMatch(c.field === "prevHash" ? /previous hash/ : /content does not match/);
      await tamper(db(), `UPDATE "AuditEvent" ${c.undo} ${where}`, [
        team.project.id,
        c.seq,
        ...(c.undoParam ? [c.undoParam(row)] : []),
      ]);
      expect((await verify(team)).status, `after undoing the change to ${c.field}`).toBe("intact");
    }
  });

  it("says what was expected and what was found", async () => {
    const team = await teamWithHistory();
    const row = await db().prisma.auditEvent.findUniqueOrThrow({
      where: { projectId_seq: { projectId: team.project.id, seq: 5 } },
    });
    await tamper(db(), `UPDATE "AuditEvent" SET hash = repeat('a', 64) WHERE "projectId" = $1 AND seq = 5`, [
      team.project.id,
    ]);
    expect(await verify(team)).toMatchObject({
      status: "broken",
      firstBadSeq: 5,
      expected: row.hash,
      found: "a".repeat(64),
      headHash: row.prevHash,
    });
  });

  it("detects a deleted event in the middle of the chain at its sequence number", async () => {
    const team = await teamWithHistory();
    await withRowRemoved(db(), team.project.id, 6, async () => {
      expect(await verify(team)).toMatchObject({
        status: "broken",
        firstBadSeq: 6,
        count: 5,
        reason: "missing event (sequence gap)",
      });
    });
    expect((await verify(team)).status).toBe("intact");
  });

  it("detects a deleted last event against the project's recorded count and head", async () => {
    const team = await teamWithHistory();
    await withRowRemoved(db(), team.project.id, 10, async () => {
      expect(await verify(team)).toMatchObject({
        status: "broken",
        firstBadSeq: 10,
        count: 9,
        reason: "events missing at the end of the chain",
      });
    });
    await withRowRemoved(db(), team.project.id, 1, async () => {
      expect(await verify(team)).toMatchObject({ status: "broken", firstBadSeq: 1, count: 0 });
    });
    expect((await verify(team)).status).toBe("intact");
  });

  it("reports a tail lost together with the project's count as missing, from the head a record kept at close", async () => {
    const team = await makeTeam();
    const decision = await createOpenDecision(team.lead, team.project.id);
    const ballot = ballotFrom(decision, [
      [9, 8, 7],
      [6, 5, 4],
      [3, 2, 1],
    ]);
    const put = await api("PUT", `/decisions/${decision.id}/ballot`, {
      token: await tokenFor(team.member),
      body: ballot,
    });
    expect(put.status).toBe(200);
    expect(
      (await api("POST", `/decisions/${decision.id}/close`, { token: await tokenFor(team.lead) })).status,
    ).toBe(200);
    const closed = await db().prisma.auditEvent.findFirstOrThrow({
      where: { projectId: team.project.id, action: "decision.closed" },
    });
    const record = await db().prisma.decisionRecord.findUniqueOrThrow({ where: { decisionId: decision.id } });
    expect(record).toMatchObject({ auditHeadSeq: closed.seq, auditHeadHash: closed.hash });
    expect(await verify(team)).toMatchObject({ status: "intact", anchorsChecked: 1 });

    // The ballot, the close and the record's creation vanish; the record row survives elsewhere.
    const keep = closed.seq - 2;
    await loseTail(db(), team.project.id, keep);
    expect(await verify(team)).toMatchObject({
      status: "broken",
      count: keep,
      firstBadSeq: keep + 1,
      reason: `tail missing after seq ${keep}`,
      anchorsChecked: 1,
    });
    expect((await verify(team)).expected).toContain(`event #${closed.seq} with hash ${closed.hash}`);
    expect((await verify(team)).expected).toContain(`decision #${decision.number}`);

    const lines: string[] = [];
    const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    expect(await runAuditVerify(["--project", team.project.id], output, db().prisma)).toBe(1);
    expect(lines[0]).toContain(`at event #${keep + 1}: tail missing after seq ${keep}`);
  });

  it("holds the chain to a checkpoint from npm run audit:checkpoint, given to the command line or the API", async () => {
    const team = await teamWithHistory();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verdict-checkpoint-"));
    const file = path.join(dir, "checkpoint.json");
    const lines: string[] = [];
    const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    try {
      expect(
        await runAuditCheckpoint(["--project", team.project.id, "--out", file], output, db().prisma),
      ).toBe(0);
      const checkpoint = JSON.parse(fs.readFileSync(file, "utf8"));
      const project = await db().prisma.project.findUniqueOrThrow({ where: { id: team.project.id } });
      expect(checkpoint).toMatchObject({
        projectId: team.project.id,
        seq: 10,
        count: 10,
        hash: project.auditHead,
      });
      lines.length = 0;
      expect(await runAuditCheckpoint(["--project", team.project.id], output, db().prisma)).toBe(0);
      expect(JSON.parse(lines.join("\n"))).toMatchObject({ seq: 10, hash: project.auditHead });

      const base = `/projects/${team.project.id}/audit/verify`;
      const token = await tokenFor(team.member);
      const withCheckpoint = `${base}?checkpointSeq=${checkpoint.seq}&checkpointHash=${checkpoint.hash}`;
      expect((await api("GET", withCheckpoint, { token })).body).toMatchObject({
        status: "intact",
        anchorsChecked: 1,
      });
      expect(await runAuditVerify(["--checkpoint", file], output, db().prisma)).toBe(0);

      await loseTail(db(), team.project.id, 7);
      // Without the checkpoint nothing outside the event table remembers events 8 to 10.
      expect(await verify(team)).toMatchObject({ status: "intact", count: 7 });
      expect((await api("GET", withCheckpoint, { token })).body).toMatchObject({
        status: "broken",
        count: 7,
        firstBadSeq: 8,
        reason: "tail missing after seq 7",
        anchorsChecked: 1,
      });
      lines.length = 0;
      expect(
        await runAuditVerify(["--project", team.project.id, "--checkpoint", file], output, db().prisma),
      ).toBe(1);
      expect(lines[0]).toMatch(
        new RegExp(`^BROKEN  ${team.project.id} .*at event #8: tail missing after seq 7`),
      );

      // A checkpoint of another history at a seq the chain still has: the chain was rewritten there.
      const forged = `${base}?checkpointSeq=5&checkpointHash=${"ab".repeat(32)}`;
      expect((await api("GET", forged, { token })).body).toMatchObject({ status: "broken", firstBadSeq: 5 });

      for (const bad of [
        "?checkpointSeq=5",
        "?checkpointHash=" + "ab".repeat(32),
        "?checkpointSeq=5&checkpointHash=nothex",
        "?checkpointSeq=-1&checkpointHash=" + "ab".repeat(32),
        "?checkpointSeq=0&checkpointHash=" + "ab".repeat(32),
        "?checkpoint=yes",
      ]) {
        const res = await api("GET", `${base}${bad}`, { token });
        expect(res.status, bad).toBe(422);
      }
      fs.writeFileSync(file, JSON.stringify({ projectId: team.project.id, seq: "ten", hash: "" }));
      lines.length = 0;
      expect(await runAuditVerify(["--checkpoint", file], output, db().prisma)).toBe(2);
      expect(lines[0]).toMatch(/is not one: seq/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("detects an event slipped in after the recorded head", async () => {
    const team = await teamWithHistory();
    const last = await db().prisma.auditEvent.findUniqueOrThrow({
      where: { projectId_seq: { projectId: team.project.id, seq: 10 } },
    });
    const body = {
      projectId: team.project.id,
      seq: 11,
      at: new Date().toISOString(),
      actorId: team.owner.userId,
      action: "member.removed",
      entityType: "member",
      entityId: team.auditor.userId,
      data: {},
    };
    await db().sql(
      `INSERT INTO "AuditEvent" (${ROW_COLUMNS}) VALUES ($1, $2, $3::timestamptz AT TIME ZONE 'UTC', $4, $5, $6, $7, '{}'::jsonb, $8, $9)`,
      [
        body.projectId,
        body.seq,
        body.at,
        body.actorId,
        body.action,
        body.entityType,
        body.entityId,
        last.hash,
        hashEvent(last.hash, body),
      ],
    );
    expect(await verify(team)).toMatchObject({
      status: "broken",
      firstBadSeq: 11,
      count: 10,
      reason: "event beyond the chain's recorded head",
    });
  });

  it("keeps the chain gap-free and valid under 30 concurrent changes from separate requests", async () => {
    const team = await teamWithHistory();
    const base = `/projects/${team.project.id}`;
    const token = team.ownerToken;
    const roles = ["OWNER", "LEAD", "MEMBER", "AUDITOR"] as const;
    const requests = [
      ...Array.from({ length: 24 }, (_, i) =>
        api("POST", `${base}/invites`, { token, body: { role: roles[i % 4] } }),
      ),
      ...[team.lead, team.member, team.auditor].flatMap((who, i) => [
        api("PATCH", `${base}/members/${who.userId}`, { token, body: { role: roles[(i + 1) % 4] } }),
        api("PATCH", `${base}/members/${who.userId}`, { token, body: { role: roles[(i + 2) % 4] } }),
      ]),
    ];
    const responses = await Promise.all(requests);
    expect(responses.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
    const events = await db().prisma.auditEvent.findMany({
      where: { projectId: team.project.id },
      orderBy: { seq: "asc" },
      select: { seq: true, action: true },
    });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.action === "invite.created")).toHaveLength(3 + 24);
    expect(events.length).toBeGreaterThanOrEqual(10 + 24 + 3);
    expect(await verify(team)).toMatchObject({ status: "intact", count: events.length });
  });

  it("pages by sequence number in either order, undisturbed by events appended between pages", async () => {
    const team = await teamWithHistory();
    const url = `/projects/${team.project.id}/audit`;
    const token = await tokenFor(team.member);

    const first = await api("GET", `${url}?limit=4`, { token });
    expect(first.status).toBe(200);
    expect(first.body.events.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(first.body.next).toBe(4);
    const newestFirst = await api("GET", `${url}?limit=4&order=desc`, { token });
    expect(newestFirst.body.events.map((e: { seq: number }) => e.seq)).toEqual([10, 9, 8, 7]);

    // Two new events arrive while both readers are between pages.
    await api("POST", `/projects/${team.project.id}/invites`, {
      token: team.ownerToken,
      body: { role: "MEMBER" },
    });
    await api("POST", `/projects/${team.project.id}/invites`, {
      token: team.ownerToken,
      body: { role: "LEAD" },
    });

    const seen: number[] = [1, 2, 3, 4];
    let next: number | null = first.body.next;
    while (next !== null) {
      const page = await api("GET", `${url}?limit=4&after=${next}`, { token });
      seen.push(...page.body.events.map((e: { seq: number }) => e.seq));
      next = page.body.next;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

    const older = await api("GET", `${url}?limit=4&order=desc&after=${newestFirst.body.next}`, { token });
    expect(older.body.events.map((e: { seq: number }) => e.seq)).toEqual([6, 5, 4, 3]);
    const oldest = await api("GET", `${url}?limit=4&order=desc&after=${older.body.next}`, { token });
    expect(oldest.body).toMatchObject({ next: null });
    expect(oldest.body.events.map((e: { seq: number }) => e.seq)).toEqual([2, 1]);
  });

  it("returns every field of an event, with the actor's name", async () => {
    const team = await teamWithHistory();
    const res = await api("GET", `/projects/${team.project.id}/audit?limit=1`, {
      token: await tokenFor(team.auditor),
    });
    const stored = await db().prisma.auditEvent.findUniqueOrThrow({
      where: { projectId_seq: { projectId: team.project.id, seq: 1 } },
    });
    expect(res.body.events).toEqual([
      {
        seq: 1,
        at: stored.at.toISOString(),
        actorId: team.owner.userId,
        actorName: "Owner",
        action: "project.created",
        entityType: "project",
        entityId: team.project.id,
        data: stored.data,
        prevHash: "",
        hash: stored.hash,
      },
    ]);
  });

  it("filters by actor, action, entity and time", async () => {
    const team = await teamWithHistory();
    const url = `/projects/${team.project.id}/audit`;
    const token = await tokenFor(team.lead);
    const get = async (query: string) => {
      const res = await api("GET", `${url}?${query}`, { token });
      expect(res.status, res.text).toBe(200);
      return res.body.events as {
        seq: number;
        action: string;
        actorId: string;
        entityType: string;
        entityId: string;
      }[];
    };
    const joined = await get("action=member.joined");
    expect(joined.map((e) => e.seq)).toEqual([3, 5, 7]);
    const byOwner = await get(`actor=${team.owner.userId}`);
    expect(byOwner.map((e) => e.seq)).toEqual([1, 2, 4, 6, 8, 9, 10]);
    const aboutMember = await get(`entityType=member&entityId=${team.member.userId}`);
    expect(aboutMember.map((e) => e.action)).toEqual([
      "member.joined",
      "member.role_changed",
      "member.role_changed",
    ]);
    expect(
      await get(`actor=${team.owner.userId}&action=member.role_changed&entityId=${team.lead.userId}`),
    ).toHaveLength(1);

    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(await get(`from=${today}&to=${today}`)).toHaveLength(10);
    expect(await get(`from=${tomorrow}`)).toEqual([]);
    expect(await get(`to=${yesterday}`)).toEqual([]);
    const fifth = await db().prisma.auditEvent.findUniqueOrThrow({
      where: { projectId_seq: { projectId: team.project.id, seq: 5 } },
    });
    const upToFifth = await get(`to=${encodeURIComponent(fifth.at.toISOString())}`);
    expect(upToFifth.map((e) => e.seq)).toEqual(expect.arrayContaining([1, 2, 3, 4, 5]));
    expect((await get(`from=${encodeURIComponent(fifth.at.toISOString())}`)).map((e) => e.seq)).toContain(5);
    // A form that leaves fields empty sends them blank: they mean "any".
    expect(await get("actor=&action=&entityType=&from=&to=&limit=")).toHaveLength(10);
  });

  it("refuses bad query parameters with 422 naming the parameter", async () => {
    const team = await makeTeam();
    const url = `/projects/${team.project.id}/audit`;
    const token = await tokenFor(team.member);
    const cases: [string, string, RegExp][] = [
      ["limit=0", "limit", /at least 1/],
      ["limit=501", "limit", /at most 500/],
      ["limit=ten", "limit", /number/],
      ["limit=2.5", "limit", /whole/],
      ["after=-1", "after", /negative/],
      ["after=99999999999", "after", /larger/],
      ["order=sideways", "order", /asc/],
      ["from=yesterday", "from", /date/],
      ["to=2026-13-45", "to", /date/],
      ["from=2026-03-02&to=2026-03-01", "to", /earlier/],
    ];
    for (const [query, field, message] of cases) {
      const res = await api("GET", `${url}?${query}`, { token });
      expect({ query, status: res.status, code: res.body.error.code }).toEqual({
        query,
        status: 422,
        code: "unprocessable",
      });
      expect(
        res.body.error.details.issues.map((i: { path: string }) => i.path),
        query,
      ).toContain(field);
      expect(res.body.error.message, query).toMatch(message);
    }
    const unknown = await api("GET", `${url}?limt=5`, { token });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toMatch(/limt/);
  });

  it("serves one event by its sequence number, and 404 for any other", async () => {
    const team = await teamWithHistory();
    const token = await tokenFor(team.member);
    const url = `/projects/${team.project.id}/audit`;
    const one = await api("GET", `${url}/8`, { token });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      seq: 8,
      action: "member.role_changed",
      actorName: "Owner",
      hashMatches: true,
      linkMatches: true,
    });
    expect(one.body.data).toEqual({ before: { role: "MEMBER" }, after: { role: "LEAD" } });
    for (const bad of ["0", "11", "abc", "-1", "1.5", "99999999999"]) {
      expect((await api("GET", `${url}/${bad}`, { token })).status, bad).toBe(404);
    }
    await tamper(db(), `UPDATE "AuditEvent" SET data = '{}'::jsonb WHERE "projectId" = $1 AND seq = 8`, [
      team.project.id,
    ]);
    expect((await api("GET", `${url}/8`, { token })).body).toMatchObject({
      hashMatches: false,
      linkMatches: true,
    });
  });

  it("keeps scores out of ballot events, which every member can read", async () => {
    const team = await makeTeam();
    const decision = await createOpenDecision(team.lead, team.project.id);
    const ballot = ballotFrom(decision, [
      [9, 8, 7],
      [6, 5, 4],
      [3, 2, null],
    ]);
    expect(
      (
        await api("PUT", `/decisions/${decision.id}/ballot`, {
          token: await tokenFor(team.lead),
          body: ballot,
        })
      ).status,
    ).toBe(200);
    const res = await api("GET", `/projects/${team.project.id}/audit?entityType=ballot`, {
      token: await tokenFor(team.member),
    });
    expect(res.body.events).toHaveLength(1);
    const data = JSON.stringify(res.body.events[0].data);
    expect(data).not.toMatch(/scores|value|rationale/);
    // Per-voter details are sealed while the vote is blind (tests/integration/audit-blind.test.ts).
    expect(res.body.events[0].data).toEqual({ decisionId: decision.id, sealed: expect.any(String) });
  });

  it("lets every role read, verify and export; a stranger gets 404 and no credentials 401", async () => {
    const team = await makeTeam();
    const base = `/projects/${team.project.id}/audit`;
    const paths = [base, `${base}/1`, `${base}/verify`, `${base}/export.csv`, `${base}/export.jsonl`];
    for (const who of [team.owner, team.lead, team.member, team.auditor]) {
      const token = await tokenFor(who);
      for (const p of paths) expect((await api("GET", p, { token })).status, p).toBe(200);
    }
    const strangerToken = await tokenFor(team.stranger);
    for (const p of paths) {
      const res = await api("GET", p, { token: strangerToken });
      expect(res.status, p).toBe(404);
      expect(res.body.error.code).toBe("not_found");
      expect((await api("GET", p)).status, p).toBe(401);
    }
    expect(
      (await api("GET", `/projects/no-such-project/audit/verify`, { token: strangerToken })).status,
    ).toBe(404);
  });

  it("exports the whole chain as CSV that recomputes to the head, with formula-looking names defused", async () => {
    const team = await teamWithHistory();
    const trickster = await signUp({
      email: `trick-${Date.now()}@example.test`,
      password: "long enough pw",
      name: '=HYPERLINK("http://x")',
    });
    await acceptInvite(
      { userId: trickster.id, via: "session" },
      (await createInvite(team.owner, team.project.id, { role: "MEMBER" })).token,
    );
    const res = await api("GET", `/projects/${team.project.id}/audit/export.csv`, {
      token: await tokenFor(team.auditor),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="verdict-audit-ml-platform-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const parsed = Papa.parse<Record<string, string>>(res.text.trimEnd(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([
      "projectId",
      "seq",
      "at",
      "actorId",
      "actorName",
      "action",
      "entityType",
      "entityId",
      "data",
      "prevHash",
      "hash",
      "sealedDetails",
    ]);
    expect(parsed.data).toHaveLength(12);
    const stored = await db().prisma.auditEvent.findMany({
      where: { projectId: team.project.id },
      orderBy: { seq: "asc" },
    });
    parsed.data.forEach((row, i) => expect(row.data).toBe(canonicalJson(stored[i]!.data)));
    const head = recomputeChain(
      parsed.data.map(
        (row) =>
          ({
            ...row,
            seq: Number(row.seq),
            actorId: row.actorId || null,
            data: JSON.parse(row.data!),
          }) as never,
      ),
    );
    expect(head).toBe(res.headers.get("x-audit-head-hash"));
    expect(parsed.data[11]!.actorName).toBe('\'=HYPERLINK("http://x")');
  });

  it("exports the whole chain as JSON Lines that recomputes to the head", async () => {
    const team = await teamWithHistory();
    const res = await api("GET", `/projects/${team.project.id}/audit/export.jsonl`, {
      token: await tokenFor(team.member),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="verdict-audit-ml-platform-.*\.jsonl"$/,
    );
    expect(res.text.endsWith("\n")).toBe(true);
    const records = res.text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Object.keys(records[0])).toEqual([
      "projectId",
      "seq",
      "at",
      "actorId",
      "actorName",
      "action",
      "entityType",
      "entityId",
      "data",
      "prevHash",
      "hash",
    ]);
    const project = await db().prisma.project.findUniqueOrThrow({ where: { id: team.project.id } });
    expect(recomputeChain(records)).toBe(project.auditHead);
  });

  it("is checked by the stand-alone script in docs/audit-canonical-form.md, which also spots an edited line", async () => {
    const team = await teamWithHistory();
    const res = await api("GET", `/projects/${team.project.id}/audit/export.jsonl`, {
      token: await tokenFor(team.auditor),
    });
    const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/audit-canonical-form.md"), "utf8");
    const snippet = /<!-- audit-verify-snippet -->\s*```js\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(snippet).toBeTruthy();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verdict-audit-doc-"));
    try {
      fs.writeFileSync(path.join(dir, "verify-audit.mjs"), snippet!);
      fs.writeFileSync(path.join(dir, "good.jsonl"), res.text);
      fs.writeFileSync(path.join(dir, "bad.jsonl"), res.text.replace('"role":"LEAD"', '"role":"OWNER"'));
      const run = (file: string) =>
        promisify(execFile)(process.execPath, [
          path.join(dir, "verify-audit.mjs"),
          path.join(dir, file),
        ]).then(
          ({ stdout }) => ({ code: 0, output: stdout }),
          (error: { code: number; stderr: string }) => ({ code: error.code, output: error.stderr }),
        );
      const project = await db().prisma.project.findUniqueOrThrow({ where: { id: team.project.id } });
      expect(await run("good.jsonl")).toEqual({
        code: 0,
        output: `Intact: 10 events, head hash ${project.auditHead}\n`,
      });
      const bad = await run("bad.jsonl");
      expect(bad.code).toBe(1);
      expect(bad.output).toMatch(/^Broken at event #2:/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("streams an export longer than one batch, in order", async () => {
    const team = await makeTeam();
    const project = await db().prisma.project.findUniqueOrThrow({ where: { id: team.project.id } });
    // Continue the real chain straight in SQL: 4,500 more events, over two batch boundaries.
    let head = project.auditHead;
    let seq = project.auditSeq;
    const at = new Date().toISOString();
    for (let batch = 0; batch < 9; batch++) {
      const values: string[] = [];
      const params: unknown[] = [];
      for (let i = 0; i < 500; i++) {
        seq++;
        const body = {
          projectId: project.id,
          seq,
          at,
          actorId: null,
          action: "test.bulk",
          entityType: "test",
          entityId: String(seq),
          data: { n: seq },
        };
        const hash = hashEvent(head, body);
        const p = params.length;
        values.push(
          `($${p + 1}, $${p + 2}, $${p + 3}::timestamptz AT TIME ZONE 'UTC', NULL, 'test.bulk', 'test', $${p + 4}, $${p + 5}::jsonb, $${p + 6}, $${p + 7})`,
        );
        params.push(project.id, seq, at, String(seq), JSON.stringify(body.data), head, hash);
        head = hash;
      }
      await db().sql(`INSERT INTO "AuditEvent" (${ROW_COLUMNS}) VALUES ${values.join(",")}`, params);
    }
    await db().sql(`UPDATE "Project" SET "auditSeq" = $2, "auditHead" = $3 WHERE id = $1`, [
      project.id,
      seq,
      head,
    ]);
    const token = await tokenFor(team.auditor);
    const res = await api("GET", `/projects/${project.id}/audit/export.jsonl`, { token });
    const records = res.text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(seq);
    expect(recomputeChain(records)).toBe(head);
    expect(records[9]).toMatchObject({ actorId: null, actorName: null });
    const csv = await api("GET", `/projects/${project.id}/audit/export.csv`, { token });
    expect(csv.text.trimEnd().split("\r\n")).toHaveLength(seq + 1);
    expect(await verify(team)).toEqual({ status: "intact", count: seq, headHash: head, anchorsChecked: 0 });
  });

  it("has the command-line check report intact chains with status 0 and a broken one with status 1", async () => {
    const healthy = await teamWithHistory();
    const damaged = await teamWithHistory();
    const lines: string[] = [];
    const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    expect(
      await runAuditVerify(
        ["--project", healthy.project.id, "--project", damaged.project.id],
        output,
        db().prisma,
      ),
    ).toBe(0);
    expect(lines.filter((line) => line.startsWith("intact"))).toHaveLength(2);

    await tamper(db(), `UPDATE "AuditEvent" SET "entityId" = 'forged' WHERE "projectId" = $1 AND seq = 4`, [
      damaged.project.id,
    ]);
    lines.length = 0;
    expect(
      await runAuditVerify(
        ["--project", healthy.project.id, "--project", damaged.project.id],
        output,
        db().prisma,
      ),
    ).toBe(1);
    expect(lines[0]).toMatch(/^intact/);
    expect(lines[1]).toMatch(
      new RegExp(`^BROKEN  ${damaged.project.id} .*at event #4: event content does not match its hash`),
    );

    lines.length = 0;
    expect(await runAuditVerify(["--all", "--json"], output, db().prisma)).toBe(1);
    const reports = lines.map((line) => JSON.parse(line));
    expect(reports.find((r) => r.projectId === damaged.project.id)).toMatchObject({
      status: "broken",
      firstBadSeq: 4,
    });
    expect(reports.find((r) => r.projectId === healthy.project.id)).toMatchObject({
      status: "intact",
      count: 10,
    });

    lines.length = 0;
    expect(await runAuditVerify(["--project", "no-such-project"], output, db().prisma)).toBe(2);
    expect(await runAuditVerify([], output, db().prisma)).toBe(2);
    expect(await runAuditVerify(["--all", "--project", "x"], output, db().prisma)).toBe(2);
  });
});

describe("npm run audit:verify as a process", () => {
  const execFileAsync = promisify(execFile);
  const tsx = path.resolve(__dirname, "../../node_modules/.bin/tsx");
  const script = path.resolve(__dirname, "../../scripts/audit-verify.ts");

  async function run(dataDir: string, projectId: string) {
    try {
      const { stdout } = await execFileAsync(tsx, [script, "--project", projectId], {
        env: { ...process.env, DATABASE_URL: `file:${dataDir}` },
        cwd: path.resolve(__dirname, "../.."),
      });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout + failed.stderr };
    }
  }

  it("exits 0 for an intact chain and non-zero once an event was altered", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "verdict-audit-cli-"));
    try {
      let pglite = new PGlite(dataDir);
      await applyMigrations(pgliteRunner(pglite));
      await pglite.query(`INSERT INTO "Project" (id, name) VALUES ('cli-project', 'CLI')`);
      let head = GENESIS_HASH;
      for (let seq = 1; seq <= 5; seq++) {
        const body = {
          projectId: "cli-project",
          seq,
          at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
          actorId: null,
          action: "test.event",
          entityType: "test",
          entityId: `e${seq}`,
          data: { seq },
        };
        const hash = hashEvent(head, body);
        await pglite.query(
          `INSERT INTO "AuditEvent" (${ROW_COLUMNS}) VALUES ($1, $2, $3::timestamptz AT TIME ZONE 'UTC', NULL, $4, $5, $6, $7::jsonb, $8, $9)`,
          [
            body.projectId,
            seq,
            body.at,
            body.action,
            body.entityType,
            body.entityId,
            JSON.stringify(body.data),
            head,
            hash,
          ],
        );
        head = hash;
      }
      await pglite.query(`UPDATE "Project" SET "auditSeq" = 5, "auditHead" = $1 WHERE id = 'cli-project'`, [
        head,
      ]);
      await pglite.close();

      const intact = await run(dataDir, "cli-project");
      expect(intact.code, intact.stdout).toBe(0);
      expect(intact.stdout).toMatch(new RegExp(`intact  cli-project  "CLI": 5 events, head hash ${head}`));

      pglite = new PGlite(dataDir);
      await pglite.exec(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "audit_event_append_only";
        UPDATE "AuditEvent" SET data = '{"seq": 33}' WHERE seq = 3;
        ALTER TABLE "AuditEvent" ENABLE TRIGGER "audit_event_append_only";`);
      await pglite.close();

      const broken = await run(dataDir, "cli-project");
      expect(broken.code, broken.stdout).toBe(1);
      expect(broken.stdout).toMatch(/BROKEN  cli-project .*at event #3/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
