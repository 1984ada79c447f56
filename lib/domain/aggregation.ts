// A decision's result from its ballots, exactly as PRODUCT.md "Aggregation" defines it. The database
// supplies per-cell statistics and per-voter weighted sums; the `…FromScores` helpers are the reference
// for what those queries must return.
import { kendallW, rankByTotal, voterPositions } from "./ranking";
import { FRAGILE_BELOW_POINTS, TIE_TOLERANCE } from "./thresholds";
import { analyseSensitivity, type CriterionSensitivity } from "./sensitivity";

export interface Scale {
  min: number;
  max: number;
}

export type WeightMode = "FIXED" | "VOTED";

/** A rule of the domain was broken by valid input (the API answers 422); `path` names the field. */
export class DomainRuleError extends Error {
  readonly path: readonly (string | number)[];

  constructor(message: string, path: readonly (string | number)[] = []) {
    super(message);
    this.name = "DomainRuleError";
    this.path = path;
  }
}

/** Statistics of one option × criterion cell over the voters who scored it (abstentions excluded). */
export interface CellSummary {
  n: number;
  abstentions: number;
  mean: number | null;
  median: number | null;
  /** Population standard deviation. */
  stdev: number | null;
  min: number | null;
  max: number | null;
}

export interface CellStats extends CellSummary {
  optionId: string;
  criterionId: string;
}

/** One voter's importances in VOTED mode, criterionId → 0..10. */
export interface ImportanceVector {
  voterId: string;
  importances: Readonly<Record<string, number>>;
}

/** For one voter and option: Σ weight(c)·ŝ over the cells that voter scored, and Σ weight(c) over them. */
export interface VoterOptionSum {
  voterId: string;
  optionId: string;
  weightedSum: number;
  coverage: number;
}

export type ResultFlag = "tie" | "contested" | "fragile" | "incomplete";

export interface ResultCell extends CellStats {
  /** ŝ = (mean − min) / (max − min), null when nobody scored the cell. */
  normalized: number | null;
  disputed: boolean;
}

export interface ResultOption {
  optionId: string;
  name: string;
  total: number | null;
  coverage: number;
  rank: number;
  borda: number;
  incomplete: boolean;
}

export interface AggregateResult {
  participation: { eligible: number; voted: number };
  weights: { criterionId: string; weight: number }[];
  cells: ResultCell[];
  options: ResultOption[];
  winnerOptionIds: string[];
  flags: ResultFlag[];
  kendallW: number | null;
  sensitivity: CriterionSensitivity[];
  robustness: number | null;
}

export interface AggregateInput {
  scale: Scale;
  options: readonly { id: string; name: string }[];
  criteria: readonly { id: string }[];
  /** W(c) from computeWeights, summing to 1. */
  weights: Readonly<Record<string, number>>;
  cells: readonly CellStats[];
  voterSums: readonly VoterOptionSum[];
  /**
   * Borda positions already summed per option over voters not in `voterSums` (stored as ballots are
   * cast): how many voters, and each option's sum of their positions.
   */
  positionTally?: { voted: number; positionSums: Readonly<Record<string, number>> };
  eligible: number;
}

const FLAG_ORDER: readonly ResultFlag[] = ["tie", "contested", "fragile", "incomplete"];
/** A coverage this close to 1 is 1: summed float weights (0.5 + 0.3 + 0.2) miss 1 by rounding only. */
const COVERAGE_EPSILON = 1e-9;
/** Weights handed to aggregate must sum to 1 within this. */
const WEIGHT_SUM_EPSILON = 1e-6;
const MAX_IMPORTANCE = 10;

export function cellStatsFromScores(values: readonly (number | null)[]): CellSummary {
  const scored = values.filter((value): value is number => value !== null);
  const abstentions = values.length - scored.length;
  const n = scored.length;
  if (n === 0) return { n, abstentions, mean: null, median: null, stdev: null, min: null, max: null };

  const sorted = [...scored].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / n;
  const middle = Math.floor(n / 2);
  const upper = sorted[middle] as number; // 0 ≤ middle < n
  const median = n % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
  const variance = sorted.reduce((sum, value) => sum + (value - mean) ** 2, 0) / n;
  return {
    n,
    abstentions,
    mean,
    median,
    stdev: Math.sqrt(variance),
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
  };
}

export function computeWeights(
  mode: WeightMode,
  criteria: readonly { id: string; weight: number }[],
  importances: readonly ImportanceVector[],
): { weights: Record<string, number> } {
  if (criteria.length === 0)
    throw new DomainRuleError("A decision needs at least one criterion.", ["criteria"]);

  if (mode === "FIXED") {
    criteria.forEach((criterion, index) => {
      if (!Number.isFinite(criterion.weight) || criterion.weight < 0) {
        throw new DomainRuleError("A criterion's weight must be 0 or more.", ["criteria", index, "weight"]);
      }
    });
    const sum = criteria.reduce((total, criterion) => total + criterion.weight, 0);
    if (sum <= 0) {
      throw new DomainRuleError("Give at least one criterion a weight above 0.", ["criteria"]);
    }
    return {
      weights: Object.fromEntries(criteria.map((criterion) => [criterion.id, criterion.weight / sum])),
    };
  }

  const ids = criteria.map((criterion) => criterion.id);
  const vectors = importances.flatMap((vector) => {
    const normalized = normalizeImportances(vector, ids);
    return normalized ? [normalized] : [];
  });
  if (vectors.length === 0) {
    return { weights: Object.fromEntries(ids.map((id) => [id, 1 / ids.length])) };
  }
  return {
    weights: Object.fromEntries(
      ids.map((id) => [id, vectors.reduce((sum, vector) => sum + (vector[id] ?? 0), 0) / vectors.length]),
    ),
  };
}

/**
 * The weights one voter's Borda total uses: the aggregate weights in FIXED mode, the voter's own
 * normalized importances in VOTED mode. Null when that voter gave every criterion 0 (or no vector):
 * the caller then uses the aggregate weights for that voter, because the voter's scores still count
 * in the result and the aggregate weights are what the result judged them by; equal weights would be
 * a third weighting nobody chose.
 */
export function voterWeights(
  mode: WeightMode,
  aggregateWeights: Readonly<Record<string, number>>,
  vector?: ImportanceVector,
): Record<string, number> | null {
  if (mode === "FIXED") return { ...aggregateWeights };
  if (!vector) return null;
  return normalizeImportances(vector, Object.keys(aggregateWeights));
}

/** A voter's importances over the given criteria, summing to 1; null when all are 0. */
function normalizeImportances(
  vector: ImportanceVector,
  criterionIds: readonly string[],
): Record<string, number> | null {
  // Importances for criteria not in the list are ignored: a stale ballot must not shift the weights.
  const values = criterionIds.map((id) => {
    const value = vector.importances[id] ?? 0;
    if (!Number.isFinite(value) || value < 0 || value > MAX_IMPORTANCE) {
      throw new DomainRuleError(`An importance must be between 0 and ${MAX_IMPORTANCE}.`, [
        "importances",
        vector.voterId,
        id,
      ]);
    }
    return value;
  });
  const sum = values.reduce((total, value) => total + value, 0);
  if (sum === 0) return null;
  return Object.fromEntries(criterionIds.map((id, index) => [id, (values[index] ?? 0) / sum]));
}

/**
 * Reference for the per-voter query: one row per voter and option with at least one score, in first-seen
 * order. A voter who only abstained on an option has no row for it (and is not a voter at all if that
 * holds for every option).
 */
export function voterOptionSumsFromScores(
  scores: readonly { voterId: string; optionId: string; criterionId: string; value: number | null }[],
  scale: Scale,
  weightsForVoter: (voterId: string) => Readonly<Record<string, number>>,
): VoterOptionSum[] {
  assertScale(scale);
  const rows = new Map<string, VoterOptionSum>();
  const weightsByVoter = new Map<string, Readonly<Record<string, number>>>();
  for (const score of scores) {
    if (score.value === null) continue;
    let weights = weightsByVoter.get(score.voterId);
    if (!weights) {
      weights = weightsForVoter(score.voterId);
      weightsByVoter.set(score.voterId, weights);
    }
    const key = JSON.stringify([score.voterId, score.optionId]);
    let row = rows.get(key);
    if (!row) {
      row = { voterId: score.voterId, optionId: score.optionId, weightedSum: 0, coverage: 0 };
      rows.set(key, row);
    }
    const weight = weights[score.criterionId] ?? 0;
    row.weightedSum += weight * normalize(score.value, scale);
    row.coverage += weight;
  }
  return [...rows.values()];
}

export function aggregate(input: AggregateInput): AggregateResult {
  const { scale, options, criteria, weights } = input;
  assertScale(scale);
  assertWeights(criteria, weights);
  const optionIds = options.map((option) => option.id);
  const criterionIds = criteria.map((criterion) => criterion.id);

  const cells = buildCells(input);
  const normalizedByOption = new Map<string, Record<string, number>>(optionIds.map((id) => [id, {}]));
  for (const cell of cells) {
    const row = normalizedByOption.get(cell.optionId);
    if (row && cell.normalized !== null) row[cell.criterionId] = cell.normalized;
  }

  const totals = options.map((option) => {
    const normalized = normalizedByOption.get(option.id) ?? {};
    let weighted = 0;
    let coverage = 0;
    for (const id of criterionIds) {
      const s = normalized[id];
      if (s === undefined) continue;
      weighted += (weights[id] ?? 0) * s;
      coverage += weights[id] ?? 0;
    }
    if (Math.abs(coverage - 1) <= COVERAGE_EPSILON) coverage = 1;
    return { id: option.id, total: coverage > 0 ? weighted / coverage : null, coverage };
  });
  const { ranks, tied } = rankByTotal(totals);
  const winnerOptionIds = totals.filter((t) => t.total !== null && ranks.get(t.id) === 1).map((t) => t.id);

  const { borda, positionSums, voted } = bordaCount(optionIds, input.voterSums, input.positionTally);
  const bordaWinners = voted === 0 ? [] : winnersOf(optionIds, borda);
  // Without a weighted-sum winner there is nothing for Borda to contest.
  const contested = winnerOptionIds.length > 0 && !sameMembers(winnerOptionIds, bordaWinners);

  const { sensitivity, robustness } = analyseSensitivity({
    criterionIds,
    weights,
    options: optionIds.map((id) => ({ optionId: id, normalized: normalizedByOption.get(id) ?? {} })),
    winnerOptionIds,
  });

  const resultOptions: ResultOption[] = options.map((option, index) => {
    const entry = totals[index] as (typeof totals)[number]; // totals is options mapped one to one
    return {
      optionId: option.id,
      name: option.name,
      total: entry.total,
      coverage: entry.coverage,
      rank: ranks.get(option.id) ?? options.length,
      borda: borda.get(option.id) ?? 0,
      incomplete: entry.coverage < 1,
    };
  });
  // Array.prototype.sort is stable, so options of equal rank keep the decision's order.
  resultOptions.sort((a, b) => a.rank - b.rank);

  const raised = new Set<ResultFlag>();
  if (tied) raised.add("tie");
  if (contested) raised.add("contested");
  if (robustness !== null && robustness < FRAGILE_BELOW_POINTS) raised.add("fragile");
  if (resultOptions.some((option) => option.incomplete)) raised.add("incomplete");

  return {
    participation: { eligible: input.eligible, voted },
    weights: criterionIds.map((id) => ({ criterionId: id, weight: weights[id] ?? 0 })),
    cells,
    options: resultOptions,
    winnerOptionIds,
    flags: FLAG_ORDER.filter((flag) => raised.has(flag)),
    kendallW: kendallW(
      optionIds.map((id) => positionSums.get(id) ?? 0),
      voted,
    ),
    sensitivity,
    robustness,
  };
}

/** Every option × criterion cell in the decision's order, including cells nobody scored. */
function buildCells(input: AggregateInput): ResultCell[] {
  const { scale } = input;
  const range = scale.max - scale.min;
  const byKey = new Map(input.cells.map((cell) => [JSON.stringify([cell.optionId, cell.criterionId]), cell]));
  return input.options.flatMap((option) =>
    input.criteria.map((criterion): ResultCell => {
      const stats = byKey.get(JSON.stringify([option.id, criterion.id]));
      const scored = stats !== undefined && stats.n >= 1 && stats.mean !== null;
      return {
        optionId: option.id,
        criterionId: criterion.id,
        n: stats?.n ?? 0,
        abstentions: stats?.abstentions ?? 0,
        mean: stats?.mean ?? null,
        median: stats?.median ?? null,
        stdev: stats?.stdev ?? null,
        min: stats?.min ?? null,
        max: stats?.max ?? null,
        normalized: scored ? normalize(stats.mean as number, scale) : null,
        // "Exceeds" is strict; the slack keeps a standard deviation sitting exactly on the threshold,
        // as the database's floating point may return it, from being flagged.
        disputed: stats !== undefined && stats.stdev !== null && stats.stdev > 0.25 * range + TIE_TOLERANCE,
      };
    }),
  );
}

/**
 * Borda points and position sums from each voter's own totals (weightedSum / coverage). A voter is
 * anyone with a row for one of the options; a zero coverage counts as not scored (no total to rank by).
 */
function bordaCount(
  optionIds: readonly string[],
  voterSums: readonly VoterOptionSum[],
  tally: AggregateInput["positionTally"] = { voted: 0, positionSums: {} },
) {
  const known = new Set(optionIds);
  const byVoter = new Map<string, Map<string, { weightedSum: number; coverage: number }>>();
  for (const row of voterSums) {
    if (!known.has(row.optionId)) continue;
    let sums = byVoter.get(row.voterId);
    if (!sums) {
      sums = new Map();
      byVoter.set(row.voterId, sums);
    }
    const previous = sums.get(row.optionId) ?? { weightedSum: 0, coverage: 0 };
    sums.set(row.optionId, {
      weightedSum: previous.weightedSum + row.weightedSum,
      coverage: previous.coverage + row.coverage,
    });
  }

  const k = optionIds.length;
  const positionSums = new Map<string, number>(optionIds.map((id) => [id, tally.positionSums[id] ?? 0]));
  for (const sums of byVoter.values()) {
    const positions = voterPositions(optionIds, sums);
    for (const id of optionIds) positionSums.set(id, (positionSums.get(id) ?? 0) + (positions.get(id) ?? k));
  }
  const voted = byVoter.size + tally.voted;
  // Each voter gives an option k − position points, so its points are voted·k − its position sum.
  const borda = new Map<string, number>(optionIds.map((id) => [id, voted * k - (positionSums.get(id) ?? 0)]));
  return { borda, positionSums, voted };
}

/** Options with the most points. */
function winnersOf(optionIds: readonly string[], points: ReadonlyMap<string, number>): string[] {
  const best = Math.max(...optionIds.map((id) => points.get(id) ?? 0));
  return optionIds.filter((id) => best - (points.get(id) ?? 0) <= TIE_TOLERANCE);
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(b);
  return a.length === set.size && a.every((id) => set.has(id));
}

function normalize(value: number, scale: Scale): number {
  return (value - scale.min) / (scale.max - scale.min);
}

function assertScale(scale: Scale): void {
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || scale.max <= scale.min) {
    throw new DomainRuleError("A scale's maximum must be above its minimum.", ["scale"]);
  }
}

function assertWeights(criteria: readonly { id: string }[], weights: Readonly<Record<string, number>>): void {
  let sum = 0;
  for (const criterion of criteria) {
    const weight = weights[criterion.id] ?? 0;
    if (!Number.isFinite(weight) || weight < 0) {
      throw new DomainRuleError("A criterion's weight must be 0 or more.", ["weights", criterion.id]);
    }
    sum += weight;
  }
  if (criteria.length > 0 && Math.abs(sum - 1) > WEIGHT_SUM_EPSILON) {
    throw new DomainRuleError("The criteria's weights must sum to 1.", ["weights"]);
  }
}
