// The shared step of every review-date change (set, clear, confirm): a new version whose Markdown
// differs only in its `review-by` line, the record's review columns, and the audit event.
import "server-only";
import type { Tx } from "../../db";
import { calendarDay, withReviewBy } from "../../domain/review";
import { appendAuditEvent } from "../audit";
import { currentVersion, writeVersion, type LockedRecord } from "./versions";

/** The record's review date as stored, YYYY-MM-DD or null. Call it after locking the record. */
export async function storedReviewBy(tx: Tx, recordId: string): Promise<string | null> {
  const { reviewBy } = await tx.decisionRecord.findUniqueOrThrow({
    where: { id: recordId },
    select: { reviewBy: true },
  });
  return reviewBy ? calendarDay(reviewBy) : null;
}

export async function writeReviewVersion(
  tx: Tx,
  record: LockedRecord,
  change: {
    before: string | null;
    reviewBy: string | null;
    /** Set when a review confirmed the record: who and when are kept on the record. */
    confirmedAt?: Date;
    actorId: string;
    action: string;
    note: string;
    data?: Record<string, unknown>;
  },
) {
  const previous = await currentVersion(tx, record.id);
  const version = previous.version + 1;
  await writeVersion(tx, {
    recordId: record.id,
    version,
    markdown: withReviewBy(previous.markdown, change.reviewBy),
    narrative: previous.stored,
    authorId: change.actorId,
    note: change.note,
  });
  await tx.decisionRecord.update({
    where: { id: record.id },
    data: {
      reviewBy: change.reviewBy ? new Date(`${change.reviewBy}T00:00:00Z`) : null,
      ...(change.confirmedAt ? { reviewedAt: change.confirmedAt, reviewedById: change.actorId } : {}),
    },
  });
  await appendAuditEvent(tx, {
    projectId: record.projectId,
    actorId: change.actorId,
    action: change.action,
    entityType: "record",
    entityId: record.id,
    data: {
      decisionId: record.decisionId,
      version,
      before: { reviewBy: change.before },
      after: { reviewBy: change.reviewBy },
      ...change.data,
    },
  });
  return version;
}
