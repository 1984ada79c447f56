// Turns committed audit events into notifications, once. Each project has a cursor row; a worker
// takes it with FOR UPDATE SKIP LOCKED (another instance working on the same project skips it), reads
// the events after it, writes the inbox rows and email jobs and moves the cursor, all in one
// transaction: either everything for those events is stored and the cursor moved, or nothing.
import "server-only";
import { getDb, type Tx } from "../../db";
import { deadlineSoonText, reviewDueText } from "../../domain/notifications";
import { calendarDay } from "../../domain/review";
import { recordKey } from "../../domain/slug";
import { draftsForEvent, REVIEWER_ROLES, VOTER_ROLES, type NotificationDraft } from "./derive";
import { storeNotifications } from "./store";

const BATCH = 100;
const REMINDER_WINDOW_MS = 24 * 3600 * 1000;

/** Projects whose history has moved past their cursor. */
async function projectsBehind(): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Project" p LEFT JOIN "NotificationCursor" c ON c."projectId" = p.id
    WHERE p."auditSeq" > COALESCE(c.seq, 0)`;
  return rows.map((row) => row.id);
}

/** One batch of one project's events; returns how many events it handled (0: none, or taken by another worker). */
export async function fanOutProjectBatch(projectId: string): Promise<number> {
  const db = getDb();
  await db.$executeRaw`INSERT INTO "NotificationCursor" ("projectId", seq) VALUES (${projectId}, 0) ON CONFLICT DO NOTHING`;
  return db.$transaction(
    async (tx) => {
      const cursor = await tx.$queryRaw<{ seq: number }[]>`
        SELECT seq FROM "NotificationCursor" WHERE "projectId" = ${projectId} FOR UPDATE SKIP LOCKED`;
      if (!cursor[0]) return 0;
      const events = await tx.auditEvent.findMany({
        where: { projectId, seq: { gt: cursor[0].seq } },
        orderBy: { seq: "asc" },
        take: BATCH,
        select: { projectId: true, seq: true, actorId: true, action: true, entityId: true, data: true },
      });
      if (events.length === 0) return 0;
      const drafts: NotificationDraft[] = [];
      for (const event of events) drafts.push(...(await draftsForEvent(tx, event)));
      await storeNotifications(tx, drafts);
      await tx.notificationCursor.update({ where: { projectId }, data: { seq: events.at(-1)!.seq } });
      return events.length;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** Every project's pending events; returns how many events were handled. */
export async function fanOutAll(): Promise<number> {
  let handled = 0;
  for (const projectId of await projectsBehind()) {
    for (;;) {
      const count = await fanOutProjectBatch(projectId);
      handled += count;
      if (count < BATCH) break;
    }
  }
  return handled;
}

/**
 * Reminds eligible voters who have not voted when an open vote's deadline is within 24 hours. Keyed by
 * the decision and its deadline: once per voter, again only if the deadline moves.
 */
export async function remindBeforeDeadlines(now = new Date()): Promise<number> {
  const db = getDb();
  const decisions = await db.decision.findMany({
    where: { status: "OPEN", deadline: { gt: now, lte: new Date(now.getTime() + REMINDER_WINDOW_MS) } },
    select: {
      id: true,
      projectId: true,
      number: true,
      title: true,
      deadline: true,
      project: { select: { name: true } },
    },
  });
  let created = 0;
  for (const decision of decisions) {
    created += await db.$transaction(async (tx: Tx) => {
      const waiting = await tx.membership.findMany({
        where: {
          projectId: decision.projectId,
          role: { in: [...VOTER_ROLES] },
          user: { ballots: { none: { decisionId: decision.id } } },
        },
        select: { userId: true },
      });
      const text = deadlineSoonText({
        projectId: decision.projectId,
        projectName: decision.project.name,
        decisionId: decision.id,
        number: decision.number,
        title: decision.title,
        deadline: decision.deadline!,
      });
      const sourceKey = `deadline:${decision.id}:${decision.deadline!.getTime()}`;
      return storeNotifications(
        tx,
        waiting.map((member) => ({
          ...text,
          userId: member.userId,
          projectId: decision.projectId,
          kind: "DEADLINE_SOON",
          sourceKey,
          decisionId: decision.id,
        })),
      );
    });
  }
  return created;
}

/**
 * Tells a project's owners and leads when an accepted record's review day has come (UTC, as
 * isReviewDue counts it). Keyed by the record and its review date: once per person per date, again
 * when a new date comes due. A record confirmed before its day has a later date by then, so its old
 * day never notifies; one no longer accepted is not due at all. Someone who becomes a lead while a
 * review is still overdue is told on the next pass, as they now share the task.
 */
export async function remindReviewsDue(now = new Date()): Promise<number> {
  const db = getDb();
  const records = await db.decisionRecord.findMany({
    where: { status: "accepted", reviewBy: { lte: new Date(`${calendarDay(now)}T00:00:00Z`) } },
    select: {
      id: true,
      projectId: true,
      decisionId: true,
      number: true,
      title: true,
      reviewBy: true,
      decision: { select: { title: true } },
      project: { select: { name: true, members: { where: { role: { in: [...REVIEWER_ROLES] } }, select: { userId: true } } } },
    },
  });
  let created = 0;
  for (const record of records) {
    const reviewBy = calendarDay(record.reviewBy!);
    const text = reviewDueText({
      projectId: record.projectId,
      projectName: record.project.name,
      decisionId: record.decisionId,
      recordKey: recordKey(record.number),
      title: record.title ?? record.decision.title,
      reviewBy,
    });
    const sourceKey = `review-due:${record.id}:${reviewBy}`;
    created += await db.$transaction((tx: Tx) =>
      storeNotifications(
        tx,
        record.project.members.map((member) => ({
          ...text,
          userId: member.userId,
          projectId: record.projectId,
          kind: "REVIEW_DUE",
          sourceKey,
          decisionId: record.decisionId,
        })),
      ),
    );
  }
  return created;
}
