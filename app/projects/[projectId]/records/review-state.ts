// The record page's review card gets links, not ids: components build no routes of their own.
import type { RecordReviewState } from "@/components/records/record-review";
import { calendarDay } from "@/lib/domain/review";
import type { RecordView } from "@/lib/server/records/get-record";
import { recordPath } from "./data";

export function reviewState(projectId: string, review: RecordView["review"]): RecordReviewState {
  return {
    reviewBy: review.reviewBy,
    due: review.due,
    lastConfirmed: review.lastConfirmed
      ? { at: review.lastConfirmed.at, byName: review.lastConfirmed.byName }
      : null,
    replacement: review.replacement
      ? {
          key: review.replacement.key,
          title: review.replacement.title,
          decisionStatus: review.replacement.decisionStatus,
          // A draft is still being framed; once voted on, its record is the place to look.
          href:
            review.replacement.decisionStatus === "CLOSED"
              ? recordPath(projectId, review.replacement.decisionId)
              : `/projects/${projectId}/decisions/${review.replacement.decisionId}`,
        }
      : null,
    replaces: review.replaces
      ? {
          key: review.replaces.key,
          title: review.replaces.title,
          href: recordPath(projectId, review.replaces.decisionId),
        }
      : null,
  };
}

/** The next review a confirmation suggests: the same day next year. */
export function aYearFromToday(now = new Date()) {
  const next = new Date(now);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return calendarDay(next);
}
