// Weights from pairwise comparisons (Saaty's Analytic Hierarchy Process): "how many times more
// important is this criterion than that one", on Saaty's 1–9 scale. The weights are the principal
// eigenvector of the comparison matrix; its eigenvalue λmax measures how far the judgements contradict
// each other (λmax = n exactly when every a_ij = w_i / w_j).
import { DomainRuleError } from "./aggregation";

/**
 * Saaty's random consistency index RI(n): the mean consistency index of random reciprocal matrices of
 * order n, as published by T. L. Saaty, "The Analytic Hierarchy Process" (McGraw-Hill, 1980). Index n.
 */
export const RANDOM_INDEX: readonly number[] = [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];
/** Saaty's rule: above this consistency ratio the judgements should be revisited. */
export const CONSISTENCY_RATIO_LIMIT = 0.1;
/** The largest matrix the random index is published for here; 45 comparisons is already a lot to ask. */
export const MAX_PAIRWISE_CRITERIA = RANDOM_INDEX.length - 1;

/** 1/9, 1/8, …, 1/2, 1, 2, …, 9. */
export const SAATY_VALUES: readonly number[] = [
  ...[9, 8, 7, 6, 5, 4, 3, 2].map((value) => 1 / value),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9],
];

const CONVERGENCE = 1e-12;
const MAX_ITERATIONS = 10_000;
/** Slack for judgements that arrive as floats, e.g. 1/3 sent as 0.333333333333. */
const VALUE_TOLERANCE = 1e-9;

export interface PairwiseJudgement {
  rowId: string;
  columnId: string;
  /** How many times more important rowId is than columnId: a Saaty value, 1/9 … 9. */
  value: number;
}

export interface InconsistentComparison {
  rowId: string;
  columnId: string;
  /** The judgement given, a_row,column. */
  given: number;
  /** The Saaty value the other comparisons imply for this pair. */
  suggested: number;
}

export interface PairwiseResult {
  weights: Record<string, number>;
  lambdaMax: number;
  consistencyIndex: number;
  consistencyRatio: number;
  /** Set when the consistency ratio exceeds 0.10: the comparison that fits the others worst. */
  warning: InconsistentComparison | null;
}

export interface MatrixAnalysis {
  weights: number[];
  lambdaMax: number;
  consistencyIndex: number;
  consistencyRatio: number;
  /** Indices i < j of the comparison that fits the weights worst, and the value the others imply. */
  worst: { row: number; column: number; suggested: number } | null;
}

/**
 * Weights from one judgement per pair of criteria (either orientation). Every pair must be judged
 * exactly once; the matrix is completed by reciprocals.
 */
export function pairwiseWeights(
  criterionIds: readonly string[],
  judgements: readonly PairwiseJudgement[],
): PairwiseResult {
  const n = criterionIds.length;
  assertSize(n);
  const index = new Map(criterionIds.map((id, i) => [id, i]));
  if (index.size !== n) throw new DomainRuleError("Each criterion may appear only once.", ["criteria"]);

  const matrix = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : NaN)),
  );
  judgements.forEach((judgement, k) => {
    const i = index.get(judgement.rowId);
    const j = index.get(judgement.columnId);
    if (i === undefined || j === undefined || i === j) {
      throw new DomainRuleError("A comparison must name two different criteria of the decision.", [
        "judgements",
        k,
      ]);
    }
    const value = saatyValue(judgement.value, ["judgements", k, "value"]);
    if (!Number.isNaN(matrix[i]![j]!)) {
      throw new DomainRuleError("Each pair of criteria may be compared only once.", ["judgements", k]);
    }
    matrix[i]![j] = value;
    matrix[j]![i] = 1 / value;
  });
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Number.isNaN(matrix[i]![j]!)) {
        throw new DomainRuleError(`Compare ${criterionIds[i]} with ${criterionIds[j]}.`, ["judgements"]);
      }
    }
  }

  const analysis = analysePairwiseMatrix(matrix);
  const { worst } = analysis;
  return {
    weights: Object.fromEntries(criterionIds.map((id, i) => [id, analysis.weights[i]!])),
    lambdaMax: analysis.lambdaMax,
    consistencyIndex: analysis.consistencyIndex,
    consistencyRatio: analysis.consistencyRatio,
    warning:
      worst && analysis.consistencyRatio > CONSISTENCY_RATIO_LIMIT
        ? {
            rowId: criterionIds[worst.row]!,
            columnId: criterionIds[worst.column]!,
            given: matrix[worst.row]![worst.column]!,
            suggested: worst.suggested,
          }
        : null,
  };
}

/** The full reciprocal matrix, a[i][j] = how many times more important i is than j. */
export function analysePairwiseMatrix(matrix: readonly (readonly number[])[]): MatrixAnalysis {
  const n = matrix.length;
  assertSize(n);
  for (let i = 0; i < n; i++) {
    const row = matrix[i]!;
    if (row.length !== n) throw new DomainRuleError("The comparison matrix must be square.", ["matrix", i]);
    if (Math.abs(row[i]! - 1) > VALUE_TOLERANCE) {
      throw new DomainRuleError("A criterion compared with itself is 1.", ["matrix", i, i]);
    }
    for (let j = i + 1; j < n; j++) {
      saatyValue(row[j]!, ["matrix", i, j]);
      if (Math.abs(row[j]! * matrix[j]![i]! - 1) > VALUE_TOLERANCE) {
        throw new DomainRuleError("Comparing j with i must give the reciprocal of comparing i with j.", [
          "matrix",
          j,
          i,
        ]);
      }
    }
  }

  const weights = principalEigenvector(matrix);
  // With w summing to 1 and A·w = λ·w, λ is the sum of A·w.
  let lambdaMax = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) lambdaMax += matrix[i]![j]! * weights[j]!;
  // λmax ≥ n in exact arithmetic; a consistent matrix may land a rounding hair below.
  const consistencyIndex = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const consistencyRatio = n <= 2 ? 0 : consistencyIndex / RANDOM_INDEX[n]!;

  // The worst fit: the a_ij farthest, by ratio, from w_i / w_j. Its suggestion is what the other
  // criteria say about the pair (the geometric mean of a_ik·a_kj over every third criterion k), not
  // w_i / w_j: the eigenvector was pulled toward the bad judgement, so w_i / w_j repeats part of it.
  let worst: MatrixAnalysis["worst"] = null;
  let worstMisfit = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const misfit = Math.abs(Math.log((matrix[i]![j]! * weights[j]!) / weights[i]!));
      if (misfit > worstMisfit + VALUE_TOLERANCE) {
        worstMisfit = misfit;
        worst = { row: i, column: j, suggested: 0 };
      }
    }
  }
  if (worst) {
    const { row, column } = worst;
    let logSum = 0;
    let paths = 0;
    for (let k = 0; k < n; k++) {
      if (k === row || k === column) continue;
      logSum += Math.log(matrix[row]![k]! * matrix[k]![column]!);
      paths++;
    }
    const implied = paths > 0 ? logSum / paths : Math.log(weights[row]! / weights[column]!);
    worst.suggested = nearestSaatyValue(implied);
  }
  return { weights, lambdaMax, consistencyIndex, consistencyRatio, worst };
}

/** Power iteration from the rows' geometric means (already close for near-consistent matrices). */
function principalEigenvector(matrix: readonly (readonly number[])[]): number[] {
  const n = matrix.length;
  let vector = matrix.map((row) => Math.exp(row.reduce((sum, value) => sum + Math.log(value), 0) / n));
  vector = scaleToSum(vector);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = scaleToSum(matrix.map((row) => row.reduce((sum, value, j) => sum + value * vector[j]!, 0)));
    const change = Math.max(...next.map((value, i) => Math.abs(value - vector[i]!)));
    vector = next;
    if (change < CONVERGENCE) return vector;
  }
  // A positive matrix's power iteration always converges (Perron); this is a guard, not a path.
  throw new Error("The principal eigenvector did not converge.");
}

function scaleToSum(values: number[]): number[] {
  const sum = values.reduce((total, value) => total + value, 0);
  return values.map((value) => value / sum);
}

/** The Saaty value nearest on a log scale: 1/2 and 2 are as far from 1 as each other. */
function nearestSaatyValue(logValue: number): number {
  let best = 1;
  for (const candidate of SAATY_VALUES) {
    if (Math.abs(Math.log(candidate) - logValue) < Math.abs(Math.log(best) - logValue) - VALUE_TOLERANCE) {
      best = candidate;
    }
  }
  return best;
}

/** The value itself if it is one of 1/9 … 9 (within float slack), else a DomainRuleError at `path`. */
function saatyValue(value: number, path: (string | number)[]): number {
  if (Number.isFinite(value) && value > 0) {
    const whole = value >= 1 ? value : 1 / value;
    const rounded = Math.round(whole);
    if (rounded >= 1 && rounded <= 9 && Math.abs(whole - rounded) <= VALUE_TOLERANCE * rounded) {
      return value >= 1 ? rounded : 1 / rounded;
    }
  }
  throw new DomainRuleError("A comparison must be on Saaty's scale: 1 to 9 or 1/2 to 1/9.", path);
}

function assertSize(n: number): void {
  if (n < 2 || n > MAX_PAIRWISE_CRITERIA) {
    throw new DomainRuleError(`Pairwise comparisons need between 2 and ${MAX_PAIRWISE_CRITERIA} criteria.`, [
      "criteria",
    ]);
  }
}

/** "1/3" for a reciprocal, "3" otherwise. */
export function formatSaatyValue(value: number): string {
  return value >= 1 ? String(Math.round(value)) : `1/${Math.round(1 / value)}`;
}

/** The warning shown beside inconsistent comparisons, naming the pair to revisit. */
export function inconsistencyWarning(
  result: PairwiseResult,
  nameOf: (criterionId: string) => string,
): string | null {
  const { warning } = result;
  if (!warning) return null;
  const ratio = result.consistencyRatio.toFixed(2);
  return (
    `These comparisons contradict each other (consistency ratio ${ratio}, above 0.10). ` +
    `The least consistent is ${nameOf(warning.rowId)} versus ${nameOf(warning.columnId)}: ` +
    `you rated it ${formatSaatyValue(warning.given)}, the other comparisons suggest about ` +
    `${formatSaatyValue(warning.suggested)}.`
  );
}

/** Importances derived from weights are multiples of this: any sum of them is exact in floating point. */
export const DERIVED_IMPORTANCE_STEP = 1 / 1024;

/**
 * A voter's pairwise weights as importances on the ballot's 0–10 scale: the heaviest criterion gets 10,
 * the others in proportion, each rounded to a multiple of 1/1024 (never below it: a comparison never
 * makes a criterion weigh nothing). Normalizing them gives the weights back to about 1e-4, and since
 * every partial sum is exact, the database and the server normalize them to the same bits.
 */
export function importancesFromWeights(weights: readonly number[]): number[] {
  const heaviest = Math.max(...weights);
  if (!(heaviest > 0)) throw new DomainRuleError("Pairwise weights must be positive.", ["weights"]);
  const steps = 1 / DERIVED_IMPORTANCE_STEP;
  return weights.map((weight) => Math.max(1, Math.round((10 * weight * steps) / heaviest)) / steps);
}
