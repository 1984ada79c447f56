// The shared step of every review-date change (set, clear, confirm): a new version whose Markdown
// differs only in its `review-by` line, the record's review columns, and the audit event.
import "server-only";
import type { Tx } from "../../db";
import { calendarDay, withReviewBy } from "../../domain/review";
import { writeMetadataVersion, type LockedRecord } from "./versions";

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
  return writeMetadataVersion(tx, record, {
    markdown: (previous) => withReviewBy(previous, change.reviewBy),
    columns: {
      reviewBy: change.reviewBy ? new Date(`${change.reviewBy}T00:00:00Z`) : null,
      ...(change.confirmedAt ? { reviewedAt: change.confirmedAt, reviewedById: change.actorId } : {}),
    },
    before: { reviewBy: change.before },
    after: { reviewBy: change.reviewBy },
    actorId: change.actorId,
    action: change.action,
    note: change.note,
    data: change.data,
  });
}
