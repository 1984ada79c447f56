// Who has voted (never what): a bar, a count and the list of eligible voters.
import { CheckIcon } from "@/components/icons";
import { formatDateTime } from "@/components/format";

export function ParticipationBar({ voted, eligible, className = "" }: { voted: number; eligible: number; className?: string }) {
  const share = eligible > 0 ? Math.min(1, voted / eligible) : 0;
  return (
    <div className={className}>
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="font-medium text-fg">
          {voted} of {eligible} voted
        </span>
        <span className="text-fg-subtle tabular-nums">{Math.round(share * 100)}%</span>
      </div>
      <div
        role="meter"
        aria-label="Participation"
        aria-valuemin={0}
        aria-valuemax={eligible}
        aria-valuenow={voted}
        aria-valuetext={`${voted} of ${eligible} voted`}
        className="mt-2 h-2 overflow-hidden rounded-full bg-surface-muted"
      >
        <div className="h-full rounded-full bg-emerald-500 transition-[width]" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

export function VoterList({
  voters,
  currentUserId,
}: {
  voters: { userId: string; name: string; voted: boolean; submittedAt: Date | null }[];
  currentUserId: string;
}) {
  const sorted = [...voters].sort((a, b) => Number(b.voted) - Number(a.voted) || a.name.localeCompare(b.name));
  return (
    <ul className="divide-y divide-line">
      {sorted.map((voter) => (
        <li key={voter.userId} className="flex items-center justify-between gap-3 py-2 text-sm">
          <span className="min-w-0 truncate text-fg">
            {voter.name}
            {voter.userId === currentUserId ? <span className="text-fg-subtle"> (you)</span> : null}
          </span>
          {voter.voted ? (
            <span
              className="inline-flex shrink-0 items-center gap-1 text-xs font-medium text-success-text"
              title={voter.submittedAt ? `Submitted ${formatDateTime(voter.submittedAt)}` : undefined}
            >
              <CheckIcon className="size-3.5" />
              Voted
            </span>
          ) : (
            <span className="shrink-0 text-xs text-fg-subtle">Not yet</span>
          )}
        </li>
      ))}
    </ul>
  );
}
