"use client";
// VOTED mode: the voter says how much each criterion matters, as numbers (0–10) or by comparing the
// criteria in pairs (the same editor a lead uses for FIXED weights); once an importances-first vote
// starts scoring, the importances given are shown and no longer change.
import { PairwiseEditor, type PairwiseValues } from "../decision-form/pairwise-editor";
import { formatImportance } from "../format";
import { ImportancePicker } from "./importance-picker";
import type { BallotCriterion, ImportanceMode } from "./use-ballot-state";

export interface FixedImportances {
  importances: { criterionId: string; value: number }[];
  pairwise: { consistencyRatio: number; warning: string | null } | null;
}

export function ImportanceSection({
  idPrefix,
  criteria,
  mode,
  onModeChange,
  importances,
  onImportanceChange,
  pairValues,
  onPairValuesChange,
  fixed,
}: {
  idPrefix: string;
  criteria: BallotCriterion[];
  mode: ImportanceMode;
  onModeChange: (mode: ImportanceMode) => void;
  importances: Record<string, number>;
  onImportanceChange: (criterionId: string, value: number) => void;
  pairValues: PairwiseValues;
  onPairValuesChange: (values: PairwiseValues) => void;
  /** Set when the importances can no longer change. */
  fixed: FixedImportances | null;
}) {
  if (fixed) return <FixedImportanceList idPrefix={idPrefix} criteria={criteria} fixed={fixed} />;
  const canCompare = criteria.length >= 2;
  return (
    <div className="space-y-3">
      {canCompare ? (
        <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border border-line bg-surface px-4 py-3 text-sm shadow-xs sm:px-5">
          <legend className="sr-only">How do you want to weigh the criteria?</legend>
          <span aria-hidden="true" className="font-medium text-fg">
            Weigh the criteria by
          </span>
          {(
            [
              ["numbers", "a number for each (0–10)"],
              ["pairwise", "comparing them in pairs"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-fg">
              <input
                type="radio"
                name={`${idPrefix}-importance-mode`}
                value={value}
                checked={mode === value}
                onChange={() => onModeChange(value)}
                className="size-4 accent-[var(--accent)]"
              />
              {label}
            </label>
          ))}
        </fieldset>
      ) : null}
      {mode === "pairwise" && canCompare ? (
        <section
          aria-labelledby={`${idPrefix}-pairwise`}
          className="rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-5"
        >
          <h3 id={`${idPrefix}-pairwise`} className="text-base font-semibold text-fg">
            Which criterion matters more, and by how much?
          </h3>
          <p className="mt-1 mb-4 text-sm text-fg-muted">
            For each pair, pick how many times more one matters than the other (Saaty&apos;s 1–9 scale). Your
            importances follow from the comparisons; only their proportions count.
          </p>
          <PairwiseEditor
            criteria={criteria.map((c) => ({ key: c.id, name: c.name }))}
            values={pairValues}
            onChange={onPairValuesChange}
            idFor={(name) => `${idPrefix}-${name}`}
          />
        </section>
      ) : (
        <ImportancePicker
          idPrefix={idPrefix}
          criteria={criteria}
          importances={importances}
          onChange={onImportanceChange}
        />
      )}
    </div>
  );
}

function FixedImportanceList({
  idPrefix,
  criteria,
  fixed,
}: {
  idPrefix: string;
  criteria: BallotCriterion[];
  fixed: FixedImportances;
}) {
  const valueOf = new Map(fixed.importances.map((i) => [i.criterionId, i.value]));
  return (
    <section
      aria-labelledby={`${idPrefix}-importance`}
      className="rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-5"
      data-testid="fixed-importances"
    >
      <h3 id={`${idPrefix}-importance`} className="text-base font-semibold text-fg">
        Your importances
      </h3>
      <p className="mt-1 text-sm text-fg-muted">
        Fixed when scoring started
        {fixed.pairwise
          ? `, from your pairwise comparisons (consistency ratio ${fixed.pairwise.consistencyRatio.toFixed(2)})`
          : ""}
        .
      </p>
      <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {criteria.map((criterion) => (
          <li
            key={criterion.id}
            className="flex items-center justify-between gap-3 rounded-lg border border-line px-3 py-2 text-sm"
          >
            <span className="min-w-0 break-words text-fg">{criterion.name}</span>
            <span className="font-semibold text-fg tabular-nums">
              {formatImportance(valueOf.get(criterion.id))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
