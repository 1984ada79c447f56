// Record reviews: a review date set by a lead, "review due" worked out at read time, and a review that
// either confirms the record or starts the decision that supersedes it. Every change is audited.
import { expect, it } from "vitest";
import { calendarDay, daysBetween } from "@/lib/domain/review";
import type { Actor } from "@/lib/server/actor";
import { listReviewsDue } from "@/lib/server/records/list-reviews-due";
import { api, tokenFor } from "../support/api";
import { ballotFrom, createOpenDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

type Team = Awaited<ReturnType<typeof makeTeam>>;

const today = () => calendarDay(new Date());
const dayOffset = (days: number) => calendarDay(new Date(Date.now() + days * 86_400_000));

async function closed(team: Team) {
  const decision = await createOpenDecision(team.lead, team.project.id);
  const token = await tokenFor(team.lead);
  const ballot = await api("PUT", `/decisions/${decision.id}/ballot`, {
    token,
    body: ballotFrom(decision, [
      [9, 8, 7],
      [5, 5, 5],
      [2, 3, 1],
    ]),
  });
  if (ballot.status !== 200) throw new Error(ballot.text);
  const close = await api("POST", `/decisions/${decision.id}/close`, { token });
  if (close.status !== 200) throw new Error(close.text);
  return decision;
}

async function accepted(team: Team) {
  const decision = await closed(team);
  const res = await api("POST", `/decisions/${decision.id}/record/accept`, {
    token: await tokenFor(team.lead),
    body: {},
  });
  if (res.status !== 200) throw new Error(res.text);
  return decision;
}

const setReview = async (who: Actor, decisionId: string, body: unknown) =>
  api("PUT", `/decisions/${decisionId}/record/review`, { token: await tokenFor(who), body });
const confirm = async (who: Actor, decisionId: string, body: unknown) =>
  api("POST", `/decisions/${decisionId}/record/review/confirm`, { token: await tokenFor(who), body });
const startNew = async (who: Actor, decisionId: string) =>
  api("POST", `/decisions/${decisionId}/record/review/new-decision`, { token: await tokenFor(who) });

describeOnEachDatabase("record reviews", (db) => {
  const eventsOf = (projectId: string, action: string) =>
    db().prisma.auditEvent.findMany({ where: { projectId, action }, orderBy: { seq: "asc" } });

  it("lets a lead set, move and clear a review date, each a new version audited with before and after", async () => {
    const team = await makeTeam();
    const decision = await accepted(team);
    const later = dayOffset(90);

    const set = await setReview(team.lead, decision.id, { reviewBy: later });
    expect(set.status, set.text).toBe(200);
    expect(set.body.review).toMatchObject({ reviewBy: later, due: false, lastConfirmed: null });
    expect(set.body.markdown).toContain(`\nreview-by: ${later}\n`);
    expect(set.body.versions.at(-1)).toMatchObject({
      note: `Review by ${later}.`,
      authorId: team.lead.userId,
    });
    // The accepted text itself is untouched: only the front matter line differs.
    const before = set.body.versions.length;
    const [event] = await eventsOf(team.project.id, "record.review_date_set");
    expect(event).toMatchObject({ actorId: team.lead.userId, entityId: set.body.id });
    expect(event!.data).toMatchObject({
      before: { reviewBy: null },
      after: { reviewBy: later },
      version: before,
    });

    // The same date again changes nothing and writes nothing.
    const again = await setReview(team.owner, decision.id, { reviewBy: later });
    expect(again.body.versions).toHaveLength(before);
    expect(await eventsOf(team.project.id, "record.review_date_set")).toHaveLength(1);

    const cleared = await setReview(team.owner, decision.id, { reviewBy: null });
    expect(cleared.body.review.reviewBy).toBeNull();
    expect(cleared.body.markdown).not.toContain("review-by:");
    const events = await eventsOf(team.project.id, "record.review_date_set");
    expect(events.map((e) => [e.actorId, (e.data as { after: unknown }).after])).toEqual([
      [team.lead.userId, { reviewBy: later }],
      [team.owner.userId, { reviewBy: null }],
    ]);
    const verify = await api("GET", `/projects/${team.project.id}/audit/verify`, {
      token: await tokenFor(team.auditor),
    });
    expect(verify.body.status).toBe("intact");
  });

  it("answers 422 naming reviewBy to a day that does not exist, another format or a missing field", async () => {
    const team = await makeTeam();
    const decision = await accepted(team);
    for (const body of [
      { reviewBy: "2026-02-30" },
      { reviewBy: "2027-02-29" },
      { reviewBy: "31/12/2027" },
      { reviewBy: "2027-12-31T00:00:00Z" },
      { reviewBy: 20271231 },
      { reviewBy: "" },
      {},
    ]) {
      const res = await setReview(team.lead, decision.id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe("unprocessable");
      expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toContain("reviewBy");
    }
    expect((await setReview(team.lead, decision.id, { reviewBy: "2028-02-29" })).status).toBe(200);
    expect((await setReview(team.lead, decision.id, { reviewBy: "2028-02-29", extra: 1 })).status).toBe(422);
  });

  it("shows review due from the review day on, in the record, the index and the leads' list", async () => {
    const team = await makeTeam();
    const due = await accepted(team);
    const notYet = await accepted(team);
    const proposed = await closed(team);
    await setReview(team.lead, due.id, { reviewBy: today() });
    await setReview(team.lead, notYet.id, { reviewBy: dayOffset(1) });
    // A proposed record is still being decided: its date can be set, but nothing is due yet.
    expect((await setReview(team.lead, proposed.id, { reviewBy: dayOffset(-30) })).status).toBe(200);

    const token = await tokenFor(team.member);
    const record = await api("GET", `/decisions/${due.id}/record`, { token });
    expect(record.body.review).toMatchObject({ reviewBy: today(), due: true });
    expect((await api("GET", `/decisions/${notYet.id}/record`, { token })).body.review.due).toBe(false);
    const index = await api("GET", `/projects/${team.project.id}/records`, { token });
    const byId = new Map(index.body.records.map((r: { decisionId: string }) => [r.decisionId, r]));
    expect(byId.get(due.id)).toMatchObject({ reviewBy: today(), reviewDue: true });
    expect(byId.get(notYet.id)).toMatchObject({ reviewBy: dayOffset(1), reviewDue: false });
    expect(byId.get(proposed.id)).toMatchObject({ reviewBy: dayOffset(-30), reviewDue: false });

    const list = await listReviewsDue(team.lead, team.project.id);
    expect(list.map((r) => r.decisionId)).toEqual([due.id]);
    // Tomorrow the other one is due too: "due" is computed from the date, no job flips it.
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect((await listReviewsDue(team.owner, team.project.id, tomorrow)).map((r) => r.decisionId)).toEqual([
      due.id,
      notYet.id,
    ]);
    for (const who of [team.member, team.auditor]) {
      await expect(listReviewsDue(who, team.project.id)).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(listReviewsDue(team.stranger, team.project.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("confirms a record: who and when are kept and audited, the next date is set or cleared", async () => {
    const team = await makeTeam();
    const decision = await accepted(team);
    await setReview(team.lead, decision.id, { reviewBy: dayOffset(-3) });

    const tooSoon = await confirm(team.lead, decision.id, { nextReviewBy: today() });
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.error.details.issues[0].path).toBe("nextReviewBy");
    expect((await confirm(team.lead, decision.id, { nextReviewBy: "2027-13-01" })).status).toBe(422);
    expect((await confirm(team.lead, decision.id, {})).status).toBe(422);

    const next = dayOffset(180);
    const ok = await confirm(team.lead, decision.id, { nextReviewBy: next, comment: "Still our framework." });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.status).toBe("accepted");
    expect(ok.body.review).toMatchObject({
      reviewBy: next,
      due: false,
      lastConfirmed: { byUserId: team.lead.userId, byName: team.lead.name },
    });
    expect(Math.abs(Date.parse(ok.body.review.lastConfirmed.at) - Date.now())).toBeLessThan(60_000);
    expect(ok.body.markdown).toContain(`\nreview-by: ${next}\n`);
    expect(ok.body.versions.at(-1).note).toBe(
      `Review: the decision still holds. Next review by ${next}. Still our framework.`,
    );
    const [event] = await eventsOf(team.project.id, "record.review_confirmed");
    expect(event).toMatchObject({ actorId: team.lead.userId, entityType: "record", entityId: ok.body.id });
    expect(event!.data).toMatchObject({
      before: { reviewBy: dayOffset(-3) },
      after: { reviewBy: next },
      comment: "Still our framework.",
    });
    expect(daysBetween(today(), next)).toBe(180);

    const last = await confirm(team.owner, decision.id, { nextReviewBy: null });
    expect(last.body.review).toMatchObject({
      reviewBy: null,
      lastConfirmed: { byUserId: team.owner.userId },
    });
    expect(last.body.markdown).not.toContain("review-by:");
  });

  it("confirms only accepted records and dates only records in force (409)", async () => {
    const team = await makeTeam();
    const proposed = await closed(team);
    expect((await confirm(team.lead, proposed.id, { nextReviewBy: null })).status).toBe(409);
    expect((await startNew(team.lead, proposed.id)).status).toBe(409);
    const rejected = await closed(team);
    await api("POST", `/decisions/${rejected.id}/record/reject`, {
      token: await tokenFor(team.lead),
      body: { comment: "No." },
    });
    expect((await setReview(team.lead, rejected.id, { reviewBy: dayOffset(5) })).status).toBe(409);
    // Clearing is always allowed, so nothing stale can stick.
    expect((await setReview(team.lead, rejected.id, { reviewBy: null })).status).toBe(200);
  });

  it("refuses members and auditors (403) and anyone outside the project (404), changing nothing", async () => {
    const team = await makeTeam();
    const other = await makeTeam("Other team");
    const decision = await accepted(team);
    await setReview(team.lead, decision.id, { reviewBy: dayOffset(-1) });
    const seqBefore = (await db().prisma.project.findUniqueOrThrow({ where: { id: team.project.id } }))
      .auditSeq;
    const decisionsBefore = await db().prisma.decision.count();

    for (const who of [team.member, team.auditor]) {
      expect((await setReview(who, decision.id, { reviewBy: dayOffset(10) })).status).toBe(403);
      expect((await confirm(who, decision.id, { nextReviewBy: null })).status).toBe(403);
      expect((await startNew(who, decision.id)).status).toBe(403);
    }
    // A lead of another project, and a stranger, learn nothing: the decision does not exist for them.
    for (const who of [other.lead, other.owner, team.stranger]) {
      expect((await setReview(who, decision.id, { reviewBy: dayOffset(10) })).status).toBe(404);
      expect((await confirm(who, decision.id, { nextReviewBy: null })).status).toBe(404);
      expect((await startNew(who, decision.id)).status).toBe(404);
      expect(
        (await api("GET", `/decisions/${decision.id}/record`, { token: await tokenFor(who) })).status,
      ).toBe(404);
      await expect(listReviewsDue(who, team.project.id)).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await listReviewsDue(other.lead, other.project.id)).toEqual([]);
    const after = await db().prisma.project.findUniqueOrThrow({ where: { id: team.project.id } });
    expect(after.auditSeq).toBe(seqBefore);
    expect(await db().prisma.decision.count()).toBe(decisionsBefore);
    const record = await db().prisma.decisionRecord.findUniqueOrThrow({ where: { decisionId: decision.id } });
    expect(record.reviewedAt).toBeNull();
    expect(calendarDay(record.reviewBy!)).toBe(dayOffset(-1));
  });

  it("starts a prefilled decision that supersedes the reviewed record once its own record is accepted", async () => {
    const team = await makeTeam();
    const old = await accepted(team);
    await setReview(team.lead, old.id, { reviewBy: dayOffset(-7) });
    const lead = await tokenFor(team.lead);

    const started = await startNew(team.lead, old.id);
    expect(started.status, started.text).toBe(201);
    expect(started.body).toMatchObject({
      status: "DRAFT",
      title: "Which framework do we standardize on?",
      context: "We train and serve models with two stacks today.",
      weightMode: "FIXED",
      supersedesDecisionId: old.id,
      options: old.options.map((o) => ({ name: o.name })),
      criteria: old.criteria.map((c) => ({ name: c.name, weight: c.weight })),
    });
    expect(started.body.number).toBeGreaterThan(old.number);
    const [event] = await eventsOf(team.project.id, "record.review_started");
    expect(event!.data).toMatchObject({ decisionId: old.id, replacement: { decisionId: started.body.id } });
    expect((await eventsOf(team.project.id, "decision.created")).at(-1)!.data).toMatchObject({
      supersedesDecisionId: old.id,
    });
    // One review at a time.
    expect((await startNew(team.owner, old.id)).status).toBe(409);

    // Until the new record is accepted the old one stands, still due, and says what replaces it.
    const pending = await api("GET", `/decisions/${old.id}/record`, { token: lead });
    expect(pending.body.status).toBe("accepted");
    expect(pending.body.review).toMatchObject({
      due: true,
      replacement: { decisionId: started.body.id, decisionStatus: "DRAFT" },
    });

    const newer = started.body as { id: string; options: { id: string }[]; criteria: { id: string }[] };
    expect((await api("POST", `/decisions/${newer.id}/open`, { token: lead })).status).toBe(200);
    await api("PUT", `/decisions/${newer.id}/ballot`, {
      token: lead,
      body: ballotFrom(newer, [
        [3, 3, 3],
        [9, 9, 9],
        [1, 1, 1],
      ]),
    });
    expect((await api("POST", `/decisions/${newer.id}/close`, { token: lead })).status).toBe(200);
    const proposed = await api("GET", `/decisions/${newer.id}/record`, { token: lead });
    expect(proposed.body.review.replaces).toMatchObject({ decisionId: old.id });
    expect(proposed.body.supersedes).toEqual([]);

    const accept = await api("POST", `/decisions/${newer.id}/record/accept`, { token: lead, body: {} });
    expect(accept.status, accept.text).toBe(200);
    expect(accept.body.supersedes.map((r: { decisionId: string }) => r.decisionId)).toEqual([old.id]);
    const replaced = await api("GET", `/decisions/${old.id}/record`, { token: lead });
    expect(replaced.body.status).toBe(`superseded by ${accept.body.key}`);
    expect(replaced.body.review.due).toBe(false);
    expect(replaced.body.markdown).toContain(`Superseded by [${accept.body.key}](${accept.body.fileName}).`);
    const superseded = await eventsOf(team.project.id, "record.superseded");
    expect(superseded.at(-1)).toMatchObject({ actorId: team.lead.userId });
    expect(await listReviewsDue(team.lead, team.project.id)).toEqual([]);
  });

  it("does not supersede a record that left force before the new record was accepted", async () => {
    const team = await makeTeam();
    const old = await accepted(team);
    const lead = await tokenFor(team.lead);
    const started = await startNew(team.lead, old.id);
    await api("POST", `/decisions/${old.id}/record/deprecate`, { token: lead, body: {} });
    await api("POST", `/decisions/${started.body.id}/open`, { token: lead });
    await api("PUT", `/decisions/${started.body.id}/ballot`, {
      token: lead,
      body: ballotFrom(started.body, [
        [9, 9, 9],
        [3, 3, 3],
        [1, 1, 1],
      ]),
    });
    await api("POST", `/decisions/${started.body.id}/close`, { token: lead });
    expect(
      (await api("POST", `/decisions/${started.body.id}/record/accept`, { token: lead, body: {} })).status,
    ).toBe(200);
    expect((await api("GET", `/decisions/${old.id}/record`, { token: lead })).body.status).toBe("deprecated");
  });

  it("keeps the review-by line when a lead edits a proposed record's narrative", async () => {
    const team = await makeTeam();
    const decision = await closed(team);
    await setReview(team.lead, decision.id, { reviewBy: "2030-01-15" });
    const saved = await api("POST", `/decisions/${decision.id}/record/versions`, {
      token: await tokenFor(team.lead),
      body: { consequencesGood: "One stack to operate." },
    });
    expect(saved.status, saved.text).toBe(201);
    const record = await api("GET", `/decisions/${decision.id}/record`, { token: await tokenFor(team.lead) });
    expect(record.body.markdown).toContain("\nreview-by: 2030-01-15\n");
    expect(record.body.markdown).toContain("One stack to operate.");
  });
});

describeOnEachDatabase("the demo's review", (db) => {
  it("seeds an accepted record whose review is due, listed for the lead and refused to a member", async () => {
    const { seedDemo, DEMO_USERS } = await import("@/lib/demo/seed-demo");
    await seedDemo(db().prisma);
    const users = await db().prisma.user.findMany({
      where: { email: { in: DEMO_USERS.map((u) => u.email) } },
    });
    const actor = (key: string) => ({
      userId: users.find((u) => u.email === DEMO_USERS.find((d) => d.key === key)!.email)!.id,
      via: "session" as const,
    });
    const project = await db().prisma.project.findFirstOrThrow({
      where: { name: "ML Platform", members: { some: { userId: actor("marco").userId } } },
    });
    const due = await listReviewsDue(actor("marco"), project.id);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      key: expect.stringMatching(/^ADR-\d{4}$/),
      title: "Track experiments and register models in MLflow",
    });
    expect(due[0]!.reviewBy < today()).toBe(true);
    const record = await api("GET", `/decisions/${due[0]!.decisionId}/record`, {
      token: await tokenFor(actor("lena")),
    });
    expect(record.body).toMatchObject({ status: "accepted", historical: true, review: { due: true } });
    expect(record.body.markdown).toContain(`\nreview-by: ${due[0]!.reviewBy}\n`);
    await expect(listReviewsDue(actor("lena"), project.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});
