// What results need from ballots, kept as counts instead of scores: each cell's histogram of values and
// each ballot's own per-option totals and Borda positions. Pure: the server stores these in the ballot's
// transaction, and the recount checks them against the scores.
import type { CellSummary, Scale } from "./aggregation";
import { voterPositions } from "./ranking";

/** How many ballots gave `value` in a cell. */
export interface ValueCount {
  value: number;
  voters: number;
}

/**
 * A cell's statistics from its histogram, the same figures as over the scores themselves: mean and
 * population standard deviation from exact integer sums Σx and Σx², median as the middle value or the
 * mean of the two middle values (what PostgreSQL's percentile_cont(0.5) gives).
 */
export function cellStatsFromTally(counts: readonly ValueCount[], abstentions: number): CellSummary {
  const present = counts.filter((c) => c.voters > 0).sort((a, b) => a.value - b.value);
  const n = present.reduce((sum, c) => sum + c.voters, 0);
  if (n === 0) return { n, abstentions, mean: null, median: null, stdev: null, min: null, max: null };
  let sum = 0;
  let sumOfSquares = 0;
  for (const c of present) {
    sum += c.value * c.voters;
    sumOfSquares += c.value * c.value * c.voters;
  }
  // n·Σx² − (Σx)² is an exact integer here (scores are small integers), so the variance is one division.
  const variance = (n * sumOfSquares - sum * sum) / (n * n);
  return {
    n,
    abstentions,
    mean: sum / n,
    median: n % 2 === 1 ? valueAt(present, (n - 1) / 2) : (valueAt(present, n / 2 - 1) + valueAt(present, n / 2)) / 2,
    stdev: Math.sqrt(variance),
    min: present[0]!.value,
    max: present[present.length - 1]!.value,
  };
}

/** The value at 0-based position `index` of the sorted scores the histogram stands for. */
function valueAt(sorted: readonly ValueCount[], index: number): number {
  let seen = 0;
  for (const c of sorted) {
    seen += c.voters;
    if (index < seen) return c.value;
  }
  throw new RangeError(`Position ${index} is past the ${seen} scores of this cell.`);
}

export interface BallotOptionTotal {
  optionId: string;
  weightedSum: number;
  coverage: number;
  /** Twice the ballot's Borda position for this option (positions are whole or half numbers). */
  position2: number;
}

/**
 * One ballot's own totals and Borda positions over every option, by the weights that voter is judged by.
 * Sums run over criteria in the decision's order, the order the recount's SQL sums in, so both give the
 * same floating-point figures. Empty when the ballot scored nothing (its voter did not vote).
 */
export function ballotOptionTotals(
  scores: readonly { optionId: string; criterionId: string; value: number | null }[],
  optionIds: readonly string[],
  criterionIds: readonly string[],
  scale: Scale,
  weights: Readonly<Record<string, number>>,
): BallotOptionTotal[] {
  const byCell = new Map(scores.map((s) => [`${s.optionId}\u0000${s.criterionId}`, s.value]));
  const sums = optionIds.map((optionId) => {
    let weightedSum = 0;
    let coverage = 0;
    let scored = false;
    for (const criterionId of criterionIds) {
      const value = byCell.get(`${optionId}\u0000${criterionId}`);
      if (value === undefined || value === null) continue;
      const weight = weights[criterionId] ?? 0;
      weightedSum += weight * ((value - scale.min) / (scale.max - scale.min));
      coverage += weight;
      scored = true;
    }
    return { optionId, weightedSum, coverage, scored };
  });
  if (!sums.some((s) => s.scored)) return [];
  const positions = voterPositions(optionIds, new Map(sums.filter((s) => s.scored).map((s) => [s.optionId, s])));
  return sums.map((s) => ({ optionId: s.optionId, weightedSum: s.weightedSum, coverage: s.coverage, position2: 2 * (positions.get(s.optionId) ?? optionIds.length) }));
}

/** The fixed point of an importance share: a voter's normalized importance × 2^60, as an integer. */
export const SHARE_ONE = 2n ** 60n;

/** A finite v ≥ 0 as exactly n / 2^p, n and p integers (every double is one). */
function dyadic(v: number): { n: bigint; p: number } {
  let p = 0;
  while (!Number.isInteger(v * 2 ** p)) p += 1;
  return { n: BigInt(v * 2 ** p), p };
}

/**
 * One voter's share of each criterion's VOTED weight, in the order of criterionIds: its importance over
 * the sum of its importances (criteria not listed are ignored, as computeWeights does), × 2^60 and
 * rounded half up, computed exactly from the importances' binary values. Null when they sum to 0: that
 * voter adds nothing to the shared weights. Integers, so the tallies summed from them add and subtract
 * exactly, whatever the order of ballots and revisions.
 */
export function importanceShares(criterionIds: readonly string[], importances: Readonly<Record<string, number>>): bigint[] | null {
  const parts = criterionIds.map((id) => dyadic(importances[id] ?? 0));
  const p = Math.max(0, ...parts.map((part) => part.p));
  const values = parts.map((part) => part.n << BigInt(p - part.p));
  const sum = values.reduce((total, v) => total + v, 0n);
  if (sum === 0n) return null;
  return values.map((v) => (2n * v * SHARE_ONE + sum) / (2n * sum));
}

/**
 * The shared VOTED weights from the summed shares of `voters` voters: each criterion's mean share. With
 * no such voter, equal weights (as computeWeights).
 */
export function votedWeightsFromShares(criterionIds: readonly string[], shares: Readonly<Record<string, bigint>>, voters: number): Record<string, number> {
  if (voters <= 0) return Object.fromEntries(criterionIds.map((id) => [id, 1 / criterionIds.length]));
  return Object.fromEntries(criterionIds.map((id) => [id, Number(shares[id] ?? 0n) / Number(SHARE_ONE) / voters]));
}
