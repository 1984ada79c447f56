// How far each criterion's weight must move before another option catches the winner, one row per
// criterion: the direction (raise or lower), the size in percentage points as a bar on one shared scale,
// and the option that would catch up. A criterion whose weight can move anywhere without changing the
// winner says so in words instead of leaving an empty row. Plain HTML, so screen readers read it as is.
import { FRAGILE_BELOW_POINTS } from "@/lib/domain/thresholds";
import { ArrowDownIcon, ArrowUpIcon } from "@/components/icons";
import { percent } from "../format";

export interface SensitivityRow {
  criterionId: string;
  name: string;
  /** The criterion's current weight, a fraction. */
  weight: number;
  delta: number | null;
  /** The name of the option that catches the winner at `delta`. */
  catchingUp: string | null;
}

const points = (value: number) => `${(Math.round(Math.abs(value) * 10) / 10).toFixed(1)} pts`;

export function SensitivityChart({ rows }: { rows: SensitivityRow[] }) {
  const largest = Math.max(FRAGILE_BELOW_POINTS * 2, ...rows.map((row) => Math.abs(row.delta ?? 0)));
  // One scale for every bar; the fragile threshold sits at the same place on each row.
  const scale = Math.ceil(largest / 5) * 5;
  const threshold = `${(FRAGILE_BELOW_POINTS / scale) * 100}%`;
  return (
    <div>
      <ul className="space-y-4" data-testid="sensitivity">
        {rows.map((row) => {
          const fragile = row.delta !== null && Math.abs(row.delta) < FRAGILE_BELOW_POINTS;
          return (
            <li key={row.criterionId} data-criterion={row.name}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 text-sm">
                <span className="min-w-0 font-medium break-words text-fg">{row.name}</span>
                <span className="text-xs text-fg-muted tabular-nums">now {percent(row.weight)}</span>
              </div>
              {row.delta === null ? (
                <p className="mt-1 text-sm text-fg-muted" data-sensitivity="none">
                  Cannot flip the winner: no weight for this criterion lets another option catch up.
                </p>
              ) : (
                <>
                  <div className="relative mt-1.5 h-2.5 overflow-hidden rounded-full bg-surface-muted" aria-hidden="true">
                    <div
                      className={`h-full rounded-full ${fragile ? "bg-amber-500" : "bg-accent"}`}
                      style={{ width: `${Math.max((Math.abs(row.delta) / scale) * 100, row.delta === 0 ? 0 : 1.5)}%` }}
                    />
                    <div className="absolute inset-y-0 w-0 border-l-2 border-dashed border-fg-muted" style={{ left: threshold }} />
                  </div>
                  <p className="mt-1 flex items-start gap-1.5 text-sm text-fg" data-sensitivity={row.delta >= 0 ? "raise" : "lower"}>
                    {row.delta === 0 ? null : row.delta > 0 ? (
                      <ArrowUpIcon className="mt-0.5 size-4 shrink-0 text-fg-muted" />
                    ) : (
                      <ArrowDownIcon className="mt-0.5 size-4 shrink-0 text-fg-muted" />
                    )}
                    <span>
                      {row.delta === 0
                        ? "Already level"
                        : `${row.delta > 0 ? "Raise" : "Lower"} by ${points(row.delta)}`}
                      {row.catchingUp ? (
                        <>
                          {row.delta === 0 ? " with " : ": "}
                          <span className="font-semibold">{row.catchingUp}</span>
                          {row.delta === 0 ? "" : " catches up"}
                        </>
                      ) : null}
                      {fragile ? <span className="font-medium text-warning-text"> · fragile</span> : null}
                    </span>
                  </p>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-fg-muted">
        <span>Bars share one scale, 0 to {scale} pts.</span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-0 border-l-2 border-dashed border-fg-muted" />
          {FRAGILE_BELOW_POINTS} pts: a smaller move is fragile
        </span>
      </p>
    </div>
  );
}
