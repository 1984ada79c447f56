// What a record's page and the API say about its review: the date, whether it is due (worked out at
// read time, so no job has to flip a flag), the last confirmation, and any decision replacing it.
import "server-only";
import type { Db } from "../../db";
import { calendarDay, isReviewDue } from "../../domain/review";
import { decisionKey } from "../decisions/shape";

export interface ReviewedRecordRow {
  status: string;
  reviewBy: Date | null;
  reviewedAt: Date | null;
  reviewedById: string | null;
}

export function reviewDue(record: { status: string; reviewBy: Date | null }, now = new Date()) {
  return isReviewDue(
    { status: record.status, reviewBy: record.reviewBy ? calendarDay(record.reviewBy) : null },
    calendarDay(now),
  );
}

export async function recordReview(
  db: Db,
  record: ReviewedRecordRow,
  decision: { id: string; projectId: string; supersedesDecisionId: string | null },
) {
  const [confirmer, replacement, replaces] = await Promise.all([
    record.reviewedById
      ? db.user.findUnique({ where: { id: record.reviewedById }, select: { name: true } })
      : null,
    // The newest decision started by a review of this record, unless its record was rejected.
    db.decision.findFirst({
      where: {
        projectId: decision.projectId,
        supersedesDecisionId: decision.id,
        OR: [{ record: null }, { record: { status: { not: "rejected" } } }],
      },
      orderBy: { number: "desc" },
      select: { id: true, number: true, title: true, status: true },
    }),
    decision.supersedesDecisionId
      ? db.decision.findFirst({
          where: { id: decision.supersedesDecisionId, projectId: decision.projectId },
          select: { id: true, number: true, title: true },
        })
      : null,
  ]);
  const ref = (d: { id: string; number: number; title: string }) => ({
    decisionId: d.id,
    key: decisionKey(d.number),
    title: d.title,
  });
  return {
    reviewBy: record.reviewBy ? calendarDay(record.reviewBy) : null,
    due: reviewDue(record),
    lastConfirmed: record.reviewedAt
      ? { at: record.reviewedAt, byUserId: record.reviewedById, byName: confirmer?.name ?? "Former member" }
      : null,
    /** The decision a review started to replace this record; its accepted record supersedes this one. */
    replacement: replacement ? { ...ref(replacement), decisionStatus: replacement.status } : null,
    /** For a decision started by a review: the record its accepted record will supersede. */
    replaces: replaces ? ref(replaces) : null,
  };
}

export type RecordReviewView = Awaited<ReturnType<typeof recordReview>>;
