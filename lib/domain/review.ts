// A record's review date: when it is due, and the `review-by` line its Markdown carries.
// Dates are calendar days (YYYY-MM-DD) in UTC, so "due" means the same thing on every server.

/** The UTC calendar day of an instant, YYYY-MM-DD. */
export function calendarDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * A review is due from its date on, and only while the record is in force (accepted): a proposed
 * record is still being decided, and a rejected, deprecated or superseded one has nothing to review.
 */
export function isReviewDue(record: { status: string; reviewBy: string | null }, today: string): boolean {
  return record.status === "accepted" && record.reviewBy !== null && record.reviewBy <= today;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const FRONT_MATTER_END = /^(---|\.\.\.)\s*$/;
const REVIEW_LINE = /^review-by\s*:/i;

/**
 * The Markdown with its front matter's `review-by` line set to the date (after `date`, where
 * generateRecord writes it), or removed when the date is null. Every other line stays as it was, as
 * an accepted record's text must; a file without front matter gets one.
 */
export function withReviewBy(markdown: string, reviewBy: string | null): string {
  const eol = markdown.includes("\r\n") ? "\r\n" : "\n";
  const lines = markdown.split(/\r?\n/);
  const end =
    lines[0]?.trimEnd() === "---" ? lines.findIndex((l, i) => i > 0 && FRONT_MATTER_END.test(l)) : -1;
  if (end === -1) {
    return reviewBy === null ? markdown : ["---", `review-by: ${reviewBy}`, "---", ...lines].join(eol);
  }
  const block = lines.slice(1, end).filter((line) => !REVIEW_LINE.test(line));
  if (reviewBy !== null) {
    const date = block.findIndex((line) => /^date\s*:/i.test(line));
    block.splice(date === -1 ? block.length : date + 1, 0, `review-by: ${reviewBy}`);
  }
  return [lines[0]!, ...block, ...lines.slice(end)].join(eol);
}
