// Rank acceptability: how often each option takes each rank when the vote is re-drawn within the
// uncertainty it really has. Each sample redraws the weights (FIXED: a relative band the lead sets;
// VOTED: the spread of the voters' importances) and every cell's mean (its sampling distribution, or a
// bootstrap of the cell's scores when few voters scored it), then totals and ranks exactly as
// PRODUCT.md "Aggregation" §3–4 does: coverage over scored cells, ties within 1e-9 sharing a rank.
//
// Given the weights, a total is a weighted sum of independent cell means. The means of cells with
// enough scores are normal (central limit theorem), so their part of the total is one normal draw per
// option with variance Σ W(c)²·se(c)², rather than one draw per cell: the same distribution for a
// twenty-fifth of the random numbers. A cell with few scores instead has a bootstrap mean, drawn from
// the precomputed list of all its equally likely resamples with one uniform number.
//
// The cost is O(samples × options × criteria) after an O(voters × criteria) set-up for VOTED weights:
// cells arrive as statistics and small-count histograms, never as ballots, so many voters cost nothing
// per sample. Weights and cell means are drawn independently of each other: the same voters shape both,
// but modelling that link would need the ballots in every sample, which is what this design avoids.
import { DomainRuleError, type CellStats, type ImportanceVector, type Scale } from "./aggregation";
import { SeededRandom } from "./random";
import { TIE_TOLERANCE } from "./thresholds";

export const DEFAULT_SAMPLES = 10_000;
export const MAX_SAMPLES = 100_000;
/** FIXED mode: each weight may plausibly be this much higher or lower, relative to itself. */
export const DEFAULT_WEIGHT_BAND = 0.2;

/** A weight band as people read it: 0.2 → "±20 %", 0.075 → "±7.5 %". */
export function weightBandText(band: number): string {
  return `±${Math.round(band * 1000) / 10} %`;
}
/**
 * Below this many scores a normal approximation of a mean is poor (and its standard deviation is
 * itself a guess), so a cell's mean, or the VOTED weights, are bootstrapped from what was observed.
 */
export const BOOTSTRAP_BELOW = 5;
/** Same as aggregate's: a coverage this close to 1 is 1, so point totals match the result's exactly. */
const COVERAGE_EPSILON = 1e-9;
const MAX_IMPORTANCE = 10;

/** How many voters gave one score value in a cell. */
export interface ScoreCount {
  value: number;
  count: number;
}

export interface AcceptabilityCell extends CellStats {
  /**
   * The cell's scores as value counts. Used, and then required to add up to n, only when
   * n < BOOTSTRAP_BELOW; its size is bounded by the scale, not by the number of voters.
   */
  histogram?: readonly ScoreCount[];
}

export type WeightUncertainty =
  /** Each weight times a uniform factor in [1 − band, 1 + band], then all renormalized. */
  | { mode: "FIXED"; band?: number }
  /** The ballots' importances; their spread gives the weights' sampling distribution. */
  | { mode: "VOTED"; importances: readonly ImportanceVector[] };

export interface AcceptabilityInput {
  scale: Scale;
  options: readonly { id: string; name: string }[];
  criteria: readonly { id: string }[];
  /** W(c) as the result uses them, summing to 1: the centre the weights vary around. */
  weights: Readonly<Record<string, number>>;
  weightUncertainty: WeightUncertainty;
  /** Cells with no entry, or n = 0, are unscored: they stay out of coverage in every sample. */
  cells: readonly AcceptabilityCell[];
  seed: number;
  samples?: number;
}

export interface OptionAcceptability {
  optionId: string;
  name: string;
  /** Entry r − 1 is the share of samples in which the option had rank r; shared ranks count for each. */
  rankProbabilities: number[];
  /** Share of samples with rank 1, alone or shared. */
  winProbability: number;
  /** Share of samples with rank 1 held alone. */
  soleWinProbability: number;
}

export interface AcceptabilityResult {
  samples: number;
  seed: number;
  /** In the decision's order. */
  options: OptionAcceptability[];
  /** The winners of the unperturbed totals (the result's own winner set). */
  winnerOptionIds: string[];
  /** The sole winner's win probability; null when the result has no winner or a tie. */
  winnerConfidence: number | null;
}

/** Weights as the simulation draws them, precomputed once. */
type WeightSampler =
  | { kind: "fixed" }
  | { kind: "band"; band: number }
  /** The mean importance vector's sampling distribution: centre + L·z with L·Lᵀ its covariance. */
  | { kind: "normal"; factor: Float64Array; normals: Float64Array }
  | { kind: "bootstrap"; vectors: Float64Array; count: number };

export function rankAcceptability(input: AcceptabilityInput): AcceptabilityResult {
  const samples = input.samples ?? DEFAULT_SAMPLES;
  validate(input, samples);
  const { scale, options, criteria } = input;
  const k = options.length;
  const c = criteria.length;
  const range = scale.max - scale.min;

  const baseWeights = Float64Array.from(criteria, (criterion) => input.weights[criterion.id] ?? 0);
  const weightSampler = buildWeightSampler(input);

  // Cells, option-major, in normalized units: centre, squared standard error, bootstrap means.
  const cellCount = k * c;
  const scored = new Uint8Array(cellCount);
  const centre = new Float64Array(cellCount);
  const squaredError = new Float64Array(cellCount);
  const resampleStart = new Int32Array(cellCount);
  const resampleCount = new Int32Array(cellCount);
  const resampleMeans: number[] = [];

  const optionIndex = new Map(options.map((option, index) => [option.id, index]));
  const criterionIndex = new Map(criteria.map((criterion, index) => [criterion.id, index]));
  for (const cell of input.cells) {
    const o = optionIndex.get(cell.optionId);
    const j = criterionIndex.get(cell.criterionId);
    if (o === undefined || j === undefined || cell.n < 1 || cell.mean === null) continue;
    const at = o * c + j;
    scored[at] = 1;
    centre[at] = (cell.mean - scale.min) / range;
    if (cell.n < BOOTSTRAP_BELOW && cell.histogram) {
      const scores = cell.histogram.flatMap(({ value, count }) =>
        Array.from({ length: count }, () => (value - scale.min) / range),
      );
      if (scores.length !== cell.n) {
        throw new DomainRuleError("A cell's score counts must add up to its number of scores.", [
          "cells",
          cell.optionId,
          cell.criterionId,
        ]);
      }
      // Identical scores resample to themselves: no random number needed.
      if (scores.some((score) => score !== scores[0])) {
        resampleStart[at] = resampleMeans.length;
        resampleCount[at] = pushResampleMeans(scores, resampleMeans);
      }
    } else if (cell.n >= 2 && cell.stdev !== null) {
      // stdev is the population figure; s²/n with the sample variance s² = stdev²·n/(n − 1).
      squaredError[at] = (cell.stdev / range) ** 2 / (cell.n - 1);
    }
  }
  const resamples = Float64Array.from(resampleMeans);

  const winnerOptionIds = pointWinners(options, c, baseWeights, scored, centre);

  const random = new SeededRandom(input.seed);
  const weights = new Float64Array(c);
  const totals = new Float64Array(k);
  const hasTotal = new Uint8Array(k);
  const order = new Int32Array(k);
  const rankCounts = new Int32Array(k * k);
  const soleWins = new Int32Array(k);

  for (let sample = 0; sample < samples; sample++) {
    drawWeights(weightSampler, baseWeights, weights, random);
    for (let o = 0; o < k; o++) {
      let weighted = 0;
      let coverage = 0;
      let variance = 0;
      const rowStart = o * c;
      for (let j = 0; j < c; j++) {
        const at = rowStart + j;
        if (scored[at] === 0) continue;
        const weight = weights[j]!;
        coverage += weight;
        const count = resampleCount[at]!;
        if (count > 0) {
          weighted += weight * resamples[resampleStart[at]! + random.nextInt(count)]!;
        } else {
          weighted += weight * centre[at]!;
          variance += weight * weight * squaredError[at]!;
        }
      }
      if (variance > 0) weighted += Math.sqrt(variance) * random.normal();
      hasTotal[o] = coverage > 0 ? 1 : 0;
      totals[o] = coverage > 0 ? weighted / coverage : 0;
    }
    tallyRanks(totals, hasTotal, order, rankCounts, soleWins);
  }

  const resultOptions = options.map((option, o): OptionAcceptability => {
    const rankProbabilities = Array.from({ length: k }, (_, r) => rankCounts[o * k + r]! / samples);
    return {
      optionId: option.id,
      name: option.name,
      rankProbabilities,
      winProbability: rankProbabilities[0] ?? 0,
      soleWinProbability: soleWins[o]! / samples,
    };
  });
  const soleWinner =
    winnerOptionIds.length === 1 ? resultOptions.find((o) => o.optionId === winnerOptionIds[0]) : undefined;
  return {
    samples,
    seed: input.seed,
    options: resultOptions,
    winnerOptionIds,
    winnerConfidence: soleWinner ? soleWinner.winProbability : null,
  };
}

/**
 * Appends the mean of every one of the nⁿ equally likely resamples (with replacement) of the scores,
 * so that picking one uniformly is exactly a bootstrap draw; nⁿ ≤ 256 below BOOTSTRAP_BELOW.
 */
function pushResampleMeans(scores: readonly number[], out: number[]): number {
  const n = scores.length;
  const total = n ** n;
  for (let index = 0; index < total; index++) {
    let rest = index;
    let sum = 0;
    for (let draw = 0; draw < n; draw++) {
      sum += scores[rest % n]!;
      rest = Math.floor(rest / n);
    }
    out.push(sum / n);
  }
  return total;
}

function validate(input: AcceptabilityInput, samples: number): void {
  const { scale } = input;
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || scale.max <= scale.min) {
    throw new DomainRuleError("A scale's maximum must be above its minimum.", ["scale"]);
  }
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES) {
    throw new DomainRuleError(`The number of samples must be a whole number from 1 to ${MAX_SAMPLES}.`, [
      "samples",
    ]);
  }
  if (!Number.isInteger(input.seed)) throw new DomainRuleError("A seed must be a whole number.", ["seed"]);
  for (const criterion of input.criteria) {
    const weight = input.weights[criterion.id] ?? 0;
    if (!Number.isFinite(weight) || weight < 0) {
      throw new DomainRuleError("A criterion's weight must be 0 or more.", ["weights", criterion.id]);
    }
  }
  if (input.weightUncertainty.mode === "FIXED") {
    const band = input.weightUncertainty.band ?? DEFAULT_WEIGHT_BAND;
    if (!Number.isFinite(band) || band < 0 || band >= 1) {
      throw new DomainRuleError("The weight band must be at least 0 and below 1 (100 %).", ["band"]);
    }
  }
}

function buildWeightSampler(input: AcceptabilityInput): WeightSampler {
  const uncertainty = input.weightUncertainty;
  if (uncertainty.mode === "FIXED") {
    const band = uncertainty.band ?? DEFAULT_WEIGHT_BAND;
    return band === 0 ? { kind: "fixed" } : { kind: "band", band };
  }

  // Each voter's importances normalized to sum 1, voters giving all zeros left out: the rule the
  // result's weights follow (PRODUCT.md §2), inlined because this loop runs once per ballot.
  const c = input.criteria.length;
  const ids = input.criteria.map((criterion) => criterion.id);
  const vector = new Float64Array(c);
  // Σ x and Σ x·xᵀ over the voters' normalized vectors, for the covariance of their mean.
  const sums = new Float64Array(c);
  const products = new Float64Array(c * c);
  const few: Float64Array[] = [];
  let m = 0;
  for (const ballot of uncertainty.importances) {
    let total = 0;
    for (let j = 0; j < c; j++) {
      const value = ballot.importances[ids[j]!] ?? 0;
      if (!Number.isFinite(value) || value < 0 || value > MAX_IMPORTANCE) {
        throw new DomainRuleError(`An importance must be between 0 and ${MAX_IMPORTANCE}.`, [
          "importances",
          ballot.voterId,
          ids[j]!,
        ]);
      }
      vector[j] = value;
      total += value;
    }
    if (total === 0) continue;
    m++;
    for (let j = 0; j < c; j++) vector[j]! /= total;
    for (let j = 0; j < c; j++) {
      const share = vector[j]!;
      if (share === 0) continue;
      sums[j]! += share;
      for (let i = 0; i <= j; i++) products[j * c + i]! += share * vector[i]!;
    }
    if (few.length < BOOTSTRAP_BELOW) few.push(vector.slice());
  }
  if (m <= 1) return { kind: "fixed" };
  if (m < BOOTSTRAP_BELOW) {
    const flat = new Float64Array(m * c);
    few.forEach((shares, v) => flat.set(shares, v * c));
    return { kind: "bootstrap", vectors: flat, count: m };
  }
  // Covariance of the mean vector: the sample covariance over m. The shares of one voter sum to 1, so
  // the weights move together (one rising makes the others fall); drawing them one by one would miss that.
  const covariance = new Float64Array(c * c);
  for (let j = 0; j < c; j++) {
    for (let i = 0; i <= j; i++) {
      const value = (products[j * c + i]! - (sums[j]! * sums[i]!) / m) / (m - 1) / m;
      covariance[j * c + i] = value;
      covariance[i * c + j] = value;
    }
  }
  return { kind: "normal", factor: choleskySemidefinite(covariance, c), normals: new Float64Array(c) };
}

/**
 * Lower-triangular L with L·Lᵀ = the given symmetric positive semi-definite matrix (row-major n × n).
 * The covariance of shares that sum to 1 is singular, so a pivot at rounding-noise level is taken as 0
 * and its column left empty instead of dividing by it.
 */
export function choleskySemidefinite(matrix: Float64Array, n: number): Float64Array {
  const factor = new Float64Array(n * n);
  let largestDiagonal = 0;
  for (let j = 0; j < n; j++) largestDiagonal = Math.max(largestDiagonal, matrix[j * n + j]!);
  const negligible = largestDiagonal * 1e-12;
  for (let j = 0; j < n; j++) {
    let pivot = matrix[j * n + j]!;
    for (let p = 0; p < j; p++) pivot -= factor[j * n + p]! ** 2;
    if (pivot <= negligible) continue;
    const root = Math.sqrt(pivot);
    factor[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let value = matrix[i * n + j]!;
      for (let p = 0; p < j; p++) value -= factor[i * n + p]! * factor[j * n + p]!;
      factor[i * n + j] = value / root;
    }
  }
  return factor;
}

function drawWeights(
  sampler: WeightSampler,
  base: Float64Array,
  out: Float64Array,
  random: SeededRandom,
): void {
  const c = base.length;
  if (sampler.kind === "fixed") {
    out.set(base);
    return;
  }
  let sum = 0;
  if (sampler.kind === "band") {
    for (let j = 0; j < c; j++) {
      const weight = base[j]! * (1 + sampler.band * (2 * random.next() - 1));
      out[j] = weight;
      sum += weight;
    }
  } else if (sampler.kind === "normal") {
    const { factor, normals } = sampler;
    for (let j = 0; j < c; j++) normals[j] = factor[j * c + j] === 0 ? 0 : random.normal();
    for (let j = 0; j < c; j++) {
      let weight = base[j]!;
      for (let p = 0; p <= j; p++) weight += factor[j * c + p]! * normals[p]!;
      // A weight cannot be negative; the clamp adds a little to the sum, which renormalizing removes.
      if (weight < 0) weight = 0;
      out[j] = weight;
      sum += weight;
    }
  } else {
    out.fill(0);
    for (let draw = 0; draw < sampler.count; draw++) {
      const start = random.nextInt(sampler.count) * c;
      for (let j = 0; j < c; j++) out[j]! += sampler.vectors[start + j]! / sampler.count;
    }
    for (let j = 0; j < c; j++) sum += out[j]!;
  }
  // Every draw clamped to 0 at once is vanishingly rare; the centre is then the only sensible answer.
  if (sum <= 0) {
    out.set(base);
    return;
  }
  for (let j = 0; j < c; j++) out[j]! /= sum;
}

/**
 * Competition ranks of one sample's totals, grouped as ranking.groupByTotal groups them (neighbours
 * within TIE_TOLERANCE chain into one rank), options without a total sharing the last rank; adds one
 * to each option's count at its rank. Allocates nothing.
 */
function tallyRanks(
  totals: Float64Array,
  hasTotal: Uint8Array,
  order: Int32Array,
  rankCounts: Int32Array,
  soleWins: Int32Array,
): void {
  const k = totals.length;
  let withTotal = 0;
  for (let o = 0; o < k; o++) if (hasTotal[o] === 1) order[withTotal++] = o;
  // Insertion sort, best first: a handful of options, nearly sorted from one sample to the next.
  for (let i = 1; i < withTotal; i++) {
    const current = order[i]!;
    const value = totals[current]!;
    let at = i - 1;
    while (at >= 0 && totals[order[at]!]! < value) {
      order[at + 1] = order[at]!;
      at--;
    }
    order[at + 1] = current;
  }
  let groupStart = 0;
  while (groupStart < withTotal) {
    let groupEnd = groupStart + 1;
    while (
      groupEnd < withTotal &&
      totals[order[groupEnd - 1]!]! - totals[order[groupEnd]!]! <= TIE_TOLERANCE
    ) {
      groupEnd++;
    }
    for (let i = groupStart; i < groupEnd; i++) rankCounts[order[i]! * k + groupStart]!++;
    if (groupStart === 0 && groupEnd === 1) soleWins[order[0]!]!++;
    groupStart = groupEnd;
  }
  for (let o = 0; o < k; o++) if (hasTotal[o] === 0) rankCounts[o * k + withTotal]!++;
}

/** The result's own winners: totals from the cells' means with the centre weights, summed as aggregate does. */
function pointWinners(
  options: readonly { id: string }[],
  c: number,
  weights: Float64Array,
  scored: Uint8Array,
  centre: Float64Array,
): string[] {
  const k = options.length;
  const totals = new Float64Array(k);
  const hasTotal = new Uint8Array(k);
  for (let o = 0; o < k; o++) {
    let weighted = 0;
    let coverage = 0;
    for (let j = 0; j < c; j++) {
      if (scored[o * c + j] === 0) continue;
      weighted += weights[j]! * centre[o * c + j]!;
      coverage += weights[j]!;
    }
    if (Math.abs(coverage - 1) <= COVERAGE_EPSILON) coverage = 1;
    hasTotal[o] = coverage > 0 ? 1 : 0;
    totals[o] = coverage > 0 ? weighted / coverage : 0;
  }
  const rankCounts = new Int32Array(k * k);
  tallyRanks(totals, hasTotal, new Int32Array(k), rankCounts, new Int32Array(k));
  return options.filter((_, o) => hasTotal[o] === 1 && rankCounts[o * k] === 1).map((option) => option.id);
}

/**
 * One plain sentence for the results page, e.g. "PyTorch wins in 91% of plausible variations".
 * Percentages are whole numbers, except that a share that is not exactly 0 or 1 never reads as
 * "0%" or "100%".
 */
export function acceptabilitySentence(result: AcceptabilityResult): string {
  const best = Math.max(0, ...result.options.map((option) => option.winProbability));
  if (best === 0) return "No option has a total yet.";
  const leaders = result.options.filter((option) => best - option.winProbability <= 1e-12);
  const names = joinNames(leaders.map((option) => option.name));
  if (leaders.length === 1) {
    const leader = leaders[0]!;
    const shared = leader.winProbability - leader.soleWinProbability;
    const base = `${leader.name} wins in ${percent(leader.winProbability)} of plausible variations`;
    return shared > 0 ? `${base} (sharing the win in ${percent(shared)})` : base;
  }
  if (leaders.every((option) => option.soleWinProbability === 0)) {
    return `${names} share the win in ${percent(best)} of plausible variations`;
  }
  return `${names} each win in ${percent(best)} of plausible variations`;
}

function percent(share: number): string {
  if (share > 0 && share < 0.01) return "under 1%";
  if (share < 1 && share > 0.99) return "over 99%";
  return `${Math.round(share * 100)}%`;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
