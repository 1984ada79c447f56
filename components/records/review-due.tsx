// How people are told a record's review has come: a badge beside its status wherever records are
// listed, and a callout on the project overview for the owners and leads who do the review.
import Link from "next/link";
import { Badge } from "@/components/badge";

const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function ReviewDueBadge({ since }: { since?: string | null }) {
  return (
    <Badge className="bg-orange-50 text-orange-800 ring-orange-600/30 dark:bg-orange-500/15 dark:text-orange-300 dark:ring-orange-400/30">
      <span>Review due</span>
      {since ? (
        <span className="sr-only"> since {dayFormat.format(new Date(`${since}T00:00:00Z`))}</span>
      ) : null}
    </Badge>
  );
}

export interface DueReview {
  key: string;
  title: string;
  reviewBy: string;
  href: string;
}

export function ReviewsDueCallout({ reviews }: { reviews: DueReview[] }) {
  if (reviews.length === 0) return null;
  return (
    <section
      aria-labelledby="reviews-due-heading"
      className="rounded-xl border border-amber-500/30 bg-warning-soft p-5 text-warning-text shadow-xs"
    >
      <h2 id="reviews-due-heading" className="text-sm font-semibold">
        {reviews.length === 1 ? "1 record is due for review" : `${reviews.length} records are due for review`}
      </h2>
      <p className="mt-1 text-sm">
        Check each decision still holds: confirm it, or start a new decision that replaces it.
      </p>
      <ul className="mt-3 space-y-1.5 text-sm">
        {reviews.map((review) => (
          <li key={review.href} className="flex flex-wrap items-baseline gap-x-2">
            <Link href={review.href} className="font-medium underline underline-offset-2 hover:no-underline">
              {review.key}: {review.title}
            </Link>
            <span className="text-xs">
              due {dayFormat.format(new Date(`${review.reviewBy}T00:00:00Z`))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
