// Two robustness checks beside the result: which single voters decide the winner (leave one out), and
// whether medians, which no lone extreme score can drag, pick the same winner as means. Totals and
// winners follow PRODUCT.md "Aggregation" §2–4 exactly: coverage over scored cells, ties within 1e-9.
//
// Leave-one-out starts from the cells' statistics over everybody and takes one voter's own scores back
// out of them (sum − score over n − 1), so it costs O(that voter's scores + options × criteria) per
// voter, never a recount of all ballots. Who is pivotal is ballot-level information: the caller shows
// the ids as names only to those allowed to read ballots, and only after close.
import {
  computeWeights,
  DomainRuleError,
  voterWeights,
  type CellStats,
  type Scale,
  type WeightMode,
} from "./aggregation";
import { rankByTotal } from "./ranking";

/** Same as aggregate's: a coverage this close to 1 is 1, so these totals equal the result's. */
const COVERAGE_EPSILON = 1e-9;

export interface VoterBallot {
  voterId: string;
  /** The voter's scores; abstentions are simply absent (or null). */
  scores: readonly { optionId: string; criterionId: string; value: number | null }[];
  /** The voter's importances as given on the ballot (VOTED mode), criterionId → 0..10. */
  importances?: Readonly<Record<string, number>>;
}

export interface LeaveOneOutInput {
  scale: Scale;
  mode: WeightMode;
  options: readonly { id: string }[];
  /** `weight` is the raw FIXED weight; ignored in VOTED mode. */
  criteria: readonly { id: string; weight: number }[];
  /** The cell statistics over all voters, as the result uses them. */
  cells: readonly CellStats[];
  ballots: readonly VoterBallot[];
}

export interface PivotalVoter {
  voterId: string;
  /** The winners had this voter not voted. */
  winnerOptionIdsWithout: string[];
}

export interface LeaveOneOutResult {
  winnerOptionIds: string[];
  /** In the ballots' order. */
  pivotal: PivotalVoter[];
  pivotalCount: number;
}

export interface MedianComparison {
  meanWinnerOptionIds: string[];
  medianWinnerOptionIds: string[];
  /** The two winner sets differ: a few extreme scores may be deciding the result. */
  medianDisagrees: boolean;
}

/** Which voters, left out alone, change the winner set (a tie appearing or breaking counts). */
export function leaveOneOut(input: LeaveOneOutInput): LeaveOneOutResult {
  const { scale, options, criteria } = input;
  assertScale(scale);
  const k = options.length;
  const c = criteria.length;
  const range = scale.max - scale.min;
  const optionIndex = new Map(options.map((option, index) => [option.id, index]));
  const criterionIndex = new Map(criteria.map((criterion, index) => [criterion.id, index]));

  // Per cell, option-major: how many scored it and the sum of their scores.
  const counts = new Float64Array(k * c);
  const sums = new Float64Array(k * c);
  const normalizedMeans = new Float64Array(k * c);
  const scored = new Uint8Array(k * c);
  for (const cell of input.cells) {
    const o = optionIndex.get(cell.optionId);
    const j = criterionIndex.get(cell.criterionId);
    if (o === undefined || j === undefined || cell.n < 1 || cell.mean === null) continue;
    counts[o * c + j] = cell.n;
    sums[o * c + j] = cell.n * cell.mean;
    // The mean itself, not sum / n, so that the full totals are the result's to the last bit.
    normalizedMeans[o * c + j] = (cell.mean - scale.min) / range;
    scored[o * c + j] = 1;
  }

  const importances = input.ballots.flatMap((ballot) =>
    ballot.importances ? [{ voterId: ballot.voterId, importances: ballot.importances }] : [],
  );
  const { weights } = computeWeights(input.mode, criteria, importances);
  const fullWeights = Float64Array.from(criteria, (criterion) => weights[criterion.id] ?? 0);

  const winnerOptionIds = winnersOf(options, c, fullWeights, scored, normalizedMeans);

  // VOTED: W is the mean of the non-zero voters' normalized vectors, so one voter's share comes out
  // of the running sum; without any such voter left, all criteria weigh the same (PRODUCT.md §2).
  const shareSums = new Float64Array(c);
  let sharers = 0;
  const sharesOf = new Map<string, Record<string, number>>();
  if (input.mode === "VOTED") {
    for (const vector of importances) {
      const shares = voterWeights("VOTED", weights, vector);
      if (!shares) continue;
      sharesOf.set(vector.voterId, shares);
      sharers++;
      criteria.forEach((criterion, j) => (shareSums[j]! += shares[criterion.id] ?? 0));
    }
  }

  const weightsWithout = new Float64Array(c);
  const meansWithout = new Float64Array(k * c);
  const scoredWithout = new Uint8Array(k * c);
  const pivotal: PivotalVoter[] = [];
  for (const ballot of input.ballots) {
    const shares = sharesOf.get(ballot.voterId);
    if (shares) {
      for (let j = 0; j < c; j++) {
        weightsWithout[j] =
          sharers > 1 ? (shareSums[j]! - (shares[criteria[j]!.id] ?? 0)) / (sharers - 1) : 1 / c;
      }
    } else {
      weightsWithout.set(fullWeights);
    }

    meansWithout.set(normalizedMeans);
    scoredWithout.set(scored);
    for (const score of ballot.scores) {
      if (score.value === null) continue;
      const o = optionIndex.get(score.optionId);
      const j = criterionIndex.get(score.criterionId);
      if (o === undefined || j === undefined) continue;
      const at = o * c + j;
      const rest = counts[at]! - 1;
      if (rest < 1) {
        scoredWithout[at] = 0;
      } else {
        meansWithout[at] = ((sums[at]! - score.value) / rest - scale.min) / range;
      }
    }

    const without = winnersOf(options, c, weightsWithout, scoredWithout, meansWithout);
    if (!sameMembers(without, winnerOptionIds)) {
      pivotal.push({ voterId: ballot.voterId, winnerOptionIdsWithout: without });
    }
  }
  return { winnerOptionIds, pivotal, pivotalCount: pivotal.length };
}

/** The winners by cell medians instead of means, with the same weights, beside the winners by means. */
export function medianWinner(input: {
  scale: Scale;
  options: readonly { id: string }[];
  criteria: readonly { id: string }[];
  /** W(c), summing to 1, as the result uses them. */
  weights: Readonly<Record<string, number>>;
  cells: readonly CellStats[];
}): MedianComparison {
  const { scale, options, criteria } = input;
  assertScale(scale);
  const k = options.length;
  const c = criteria.length;
  const range = scale.max - scale.min;
  const optionIndex = new Map(options.map((option, index) => [option.id, index]));
  const criterionIndex = new Map(criteria.map((criterion, index) => [criterion.id, index]));
  const weights = Float64Array.from(criteria, (criterion) => {
    const weight = input.weights[criterion.id] ?? 0;
    if (!Number.isFinite(weight) || weight < 0) {
      throw new DomainRuleError("A criterion's weight must be 0 or more.", ["weights", criterion.id]);
    }
    return weight;
  });

  const scored = new Uint8Array(k * c);
  const means = new Float64Array(k * c);
  const medians = new Float64Array(k * c);
  for (const cell of input.cells) {
    const o = optionIndex.get(cell.optionId);
    const j = criterionIndex.get(cell.criterionId);
    if (o === undefined || j === undefined || cell.n < 1 || cell.mean === null || cell.median === null)
      continue;
    scored[o * c + j] = 1;
    means[o * c + j] = (cell.mean - scale.min) / range;
    medians[o * c + j] = (cell.median - scale.min) / range;
  }
  const meanWinnerOptionIds = winnersOf(options, c, weights, scored, means);
  const medianWinnerOptionIds = winnersOf(options, c, weights, scored, medians);
  return {
    meanWinnerOptionIds,
    medianWinnerOptionIds,
    medianDisagrees: !sameMembers(meanWinnerOptionIds, medianWinnerOptionIds),
  };
}

/** Rank-1 options of the totals over scored cells, summed in criteria order as aggregate sums them. */
function winnersOf(
  options: readonly { id: string }[],
  c: number,
  weights: Float64Array,
  scored: Uint8Array,
  values: Float64Array,
): string[] {
  const totals = options.map((option, o) => {
    let weighted = 0;
    let coverage = 0;
    for (let j = 0; j < c; j++) {
      if (scored[o * c + j] === 0) continue;
      weighted += weights[j]! * values[o * c + j]!;
      coverage += weights[j]!;
    }
    if (Math.abs(coverage - 1) <= COVERAGE_EPSILON) coverage = 1;
    return { id: option.id, total: coverage > 0 ? weighted / coverage : null };
  });
  const { ranks } = rankByTotal(totals);
  return totals.filter((t) => t.total !== null && ranks.get(t.id) === 1).map((t) => t.id);
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(b);
  return a.length === set.size && a.every((id) => set.has(id));
}

function assertScale(scale: Scale): void {
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || scale.max <= scale.min) {
    throw new DomainRuleError("A scale's maximum must be above its minimum.", ["scale"]);
  }
}
