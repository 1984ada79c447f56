// The final weight of each criterion, as bars that read as a list. A bar's length is the weight's share
// of the whole (full width = 100%), the same scale as the decision overview, so the two pages agree.
import { percent, seriesColor } from "../format";

export function WeightBars({ weights }: { weights: { criterionId: string; name: string; weight: number }[] }) {
  return (
    <ul className="space-y-3">
      {weights.map((w, index) => (
        <li key={w.criterionId}>
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <span className="inline-flex min-w-0 items-center gap-2 text-fg">
              <span aria-hidden="true" className="size-2.5 shrink-0 rounded-full" style={{ backgroundColor: seriesColor(index) }} />
              <span className="break-words">{w.name}</span>
            </span>
            <span className="shrink-0 font-semibold text-fg tabular-nums">{percent(w.weight)}</span>
          </div>
          <div aria-hidden="true" className="mt-1.5 h-2 overflow-hidden rounded-full bg-surface-muted">
            <div
              data-weight-bar={w.name}
              className="h-full rounded-full"
              style={{ width: `${w.weight * 100}%`, backgroundColor: seriesColor(index) }}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
