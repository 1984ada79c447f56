// The result's flags, each with what it means, so a lead reads a caveat rather than a bare word.
import type { ResultFlag } from "@/lib/domain/aggregation";
import { CheckIcon } from "@/components/icons";
import { FlagBadge } from "../status-badge";
import { FLAG_EXPLANATION, decimal } from "../format";
import { FRAGILE_BELOW_POINTS } from "@/lib/domain/thresholds";

export function FlagList({ flags, robustness }: { flags: ResultFlag[]; robustness: number | null }) {
  if (flags.length === 0) {
    return (
      <p className="flex items-start gap-2 text-sm text-fg-muted">
        <CheckIcon className="mt-0.5 size-4 shrink-0 text-success-text" />
        No caveats: no tie, the Borda count agrees, every option was fully scored, and the winner holds unless a weight moves by{" "}
        {FRAGILE_BELOW_POINTS} points or more.
      </p>
    );
  }
  return (
    <ul className="space-y-3">
      {flags.map((flag) => (
        <li key={flag} className="flex flex-col gap-1 sm:flex-row sm:items-start sm:gap-3">
          <span className="shrink-0 sm:w-24">
            <FlagBadge flag={flag} />
          </span>
          <p className="text-sm text-fg-muted">
            {FLAG_EXPLANATION[flag]}
            {flag === "fragile" && robustness !== null ? ` The smallest such move is ${decimal(robustness, 1)} points.` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
