"use client";
// In VOTED mode each voter says how much each criterion matters (0–10); the decision's weights are the
// average of everyone's proportions.
import { controlClasses } from "@/components/field";
import { DEFAULT_IMPORTANCE, type BallotCriterion } from "./use-ballot-state";

export function ImportancePicker({
  idPrefix,
  criteria,
  importances,
  onChange,
}: {
  idPrefix: string;
  criteria: BallotCriterion[];
  importances: Record<string, number>;
  onChange: (criterionId: string, value: number) => void;
}) {
  return (
    <section aria-labelledby={`${idPrefix}-importance`} className="rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-5">
      <h3 id={`${idPrefix}-importance`} className="text-base font-semibold text-fg">
        How much does each criterion matter?
      </h3>
      <p className="mt-1 text-sm text-fg-muted">
        0 means “ignore it”, 10 “it matters most”. Only the proportions count: the decision&apos;s weights are the average
        of everyone&apos;s.
      </p>
      <div className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {criteria.map((criterion) => {
          const id = `${idPrefix}-importance-${criterion.id}`;
          return (
            <div key={criterion.id} className="flex items-center justify-between gap-3 rounded-lg border border-line px-3 py-2">
              <label htmlFor={id} className="min-w-0 text-sm font-medium break-words text-fg">
                <span className="sr-only">Importance of </span>
                {criterion.name}
              </label>
              <div className="w-20 shrink-0">
                <select
                  id={id}
                  value={importances[criterion.id] ?? DEFAULT_IMPORTANCE}
                  onChange={(e) => onChange(criterion.id, Number(e.target.value))}
                  className={`${controlClasses} h-9 pr-7 tabular-nums`}
                >
                  {Array.from({ length: 11 }, (_, value) => (
                    <option key={value} value={value}>
                      {value}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          );
        })}
      </div>
    </section>
  );
}
