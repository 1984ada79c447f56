"use client";
// Weights by pairwise comparison: one Saaty-scale choice per pair of criteria, with the resulting
// weights, the consistency ratio and, above 0.10, the warning naming the comparison to revisit.
import { DomainRuleError } from "@/lib/domain/aggregation";
import { inconsistencyWarning, MAX_PAIRWISE_CRITERIA, pairwiseWeights } from "@/lib/domain/pairwise";
import { percent } from "../format";

export interface PairwiseCriterion {
  key: string;
  name: string;
}

/** "a|b" (criterion keys, a before b in the list) → how many times as important a is as b. */
export type PairwiseValues = Record<string, number>;

export const pairKey = (a: string, b: string) => `${a}|${b}`;

const STRENGTHS = [9, 8, 7, 6, 5, 4, 3, 2];
const WORDS: Record<number, string> = { 1: "equally important", 3: "more important", 5: "much more important", 7: "very much more important", 9: "extremely more important" };
const describe = (times: number) => WORDS[times] ?? `${times}× as important`;

export function pairsOf<T extends PairwiseCriterion>(criteria: readonly T[]) {
  return criteria.flatMap((a, i) => criteria.slice(i + 1).map((b) => ({ a, b })));
}

/** Weights, ratio and warning for the current choices; null when they cannot be computed yet. */
export function analysePairs(criteria: readonly PairwiseCriterion[], values: PairwiseValues) {
  if (criteria.length < 2 || criteria.length > MAX_PAIRWISE_CRITERIA) return null;
  try {
    const result = pairwiseWeights(
      criteria.map((c) => c.key),
      pairsOf(criteria).map(({ a, b }) => ({ rowId: a.key, columnId: b.key, value: values[pairKey(a.key, b.key)] ?? 1 })),
    );
    const nameOf = new Map(criteria.map((c) => [c.key, c.name.trim() || "Unnamed criterion"]));
    return { ...result, warningText: inconsistencyWarning(result, (key) => nameOf.get(key) ?? "?") };
  } catch (error) {
    if (error instanceof DomainRuleError) return null;
    throw error;
  }
}

export function PairwiseEditor({
  criteria,
  values,
  onChange,
  idFor,
}: {
  criteria: readonly PairwiseCriterion[];
  values: PairwiseValues;
  onChange: (values: PairwiseValues) => void;
  idFor: (name: string) => string;
}) {
  if (criteria.length > MAX_PAIRWISE_CRITERIA) {
    return <p className="text-sm text-warning-text">Pairwise comparison works with at most {MAX_PAIRWISE_CRITERIA} criteria; give numeric weights instead.</p>;
  }
  if (criteria.length < 2) return <p className="text-sm text-fg-muted">Add a second criterion to compare them in pairs.</p>;
  const analysis = analysePairs(criteria, values);
  const nameOf = (c: PairwiseCriterion) => c.name.trim() || "Unnamed criterion";
  return (
    <div className="space-y-4" data-testid="pairwise-editor">
      <ul className="divide-y divide-line rounded-lg border border-line">
        {pairsOf(criteria).map(({ a, b }) => {
          const key = pairKey(a.key, b.key);
          const value = values[key] ?? 1;
          const id = idFor(`pairwise-${a.key}-${b.key}`);
          return (
            <li key={key} className="grid gap-2 px-3 py-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,18rem)] sm:items-center">
              <label htmlFor={id} className="text-sm text-fg">
                {nameOf(a)} <span className="text-fg-subtle">versus</span> {nameOf(b)}
              </label>
              <select
                id={id}
                value={String(value)}
                onChange={(event) => onChange({ ...values, [key]: Number(event.target.value) })}
                className="h-9 w-full min-w-0 rounded-lg border border-line-strong bg-surface px-2 text-sm text-fg"
              >
                {STRENGTHS.map((times) => (
                  <option key={`a${times}`} value={String(times)}>
                    {nameOf(a)} {describe(times)} ({times})
                  </option>
                ))}
                <option value="1">Equally important (1)</option>
                {[...STRENGTHS].reverse().map((times) => (
                  <option key={`b${times}`} value={String(1 / times)}>
                    {nameOf(b)} {describe(times)} ({times})
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      {analysis ? (
        <div className="rounded-lg bg-surface-muted/60 px-3 py-2 text-sm" aria-live="polite">
          <p className="text-fg" data-testid="pairwise-weights">
            Weights: {criteria.map((c) => `${nameOf(c)} ${percent(analysis.weights[c.key] ?? 0)}`).join(" · ")}
          </p>
          <p className="mt-1 text-fg-muted" data-testid="pairwise-consistency">
            Consistency ratio {analysis.consistencyRatio.toFixed(2)}
            {analysis.consistencyRatio <= 0.1 ? " (consistent enough: 0.10 or below)" : ""}
          </p>
          {analysis.warningText ? (
            <p role="alert" className="mt-2 text-warning-text" data-testid="pairwise-warning">
              {analysis.warningText}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
