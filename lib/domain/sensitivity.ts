// How far one criterion's weight must move before another option catches the winner
// (PRODUCT.md, Aggregation §6). Weights and δ are fractions here; the result is in percentage points.

export interface SensitivityOption {
  optionId: string;
  /** ŝ(o, c) for the cells of this option that have at least one score (n ≥ 1). */
  normalized: Readonly<Record<string, number>>;
}

export interface SensitivityInput {
  criterionIds: readonly string[];
  /** W(c), summing to 1. */
  weights: Readonly<Record<string, number>>;
  options: readonly SensitivityOption[];
  winnerOptionIds: readonly string[];
}

export interface CriterionSensitivity {
  criterionId: string;
  /** Signed change of W(c) in percentage points; null when no change in range lets another option catch up. */
  delta: number | null;
  /** The option that reaches the winner at that change; null with delta. */
  catchingUpOptionId: string | null;
}

export interface SensitivityResult {
  sensitivity: CriterionSensitivity[];
  /** Smallest |delta|; 0 when the winner is already tied; null without a winner or when nothing catches it. */
  robustness: number | null;
}

/** Bisection stops once the flip point is known to this width: 0.01 percentage points. */
const BISECTION_WIDTH = 1e-4;
/** Weight arithmetic is summed floats; a weight within this of 0 or 1 is treated as exactly that. */
const WEIGHT_EPSILON = 1e-12;
/** Slack for a computed root landing a hair outside [−W(c), 1 − W(c)] by rounding. */
const RANGE_SLACK = 1e-9;
/** Two totals this close count as level: rounding noise only, far below the 0.01-point bisection width. */
const LEVEL_EPSILON = 1e-12;

/**
 * An option's weighted sum and coverage along the path δ ↦ weights(δ), both linear in δ:
 * num(δ) = p0 + p1·δ, coverage(δ) = q0 + q1·δ, total(δ) = num / coverage.
 */
interface TotalPath {
  p0: number;
  p1: number;
  q0: number;
  q1: number;
  /** The end of the range where this option's coverage reaches 0 and it has no total, if any. */
  noTotalAt: number | null;
}

export function analyseSensitivity(input: SensitivityInput): SensitivityResult {
  const { criterionIds, weights, winnerOptionIds } = input;
  if (winnerOptionIds.length === 0) {
    return {
      sensitivity: criterionIds.map((criterionId) => ({ criterionId, delta: null, catchingUpOptionId: null })),
      robustness: null,
    };
  }
  if (winnerOptionIds.length > 1) {
    // Another option already has the winner's total at δ = 0, which is in range for every criterion.
    const level = winnerOptionIds[1]!;
    return {
      sensitivity: criterionIds.map((criterionId) => ({ criterionId, delta: 0, catchingUpOptionId: level })),
      robustness: 0,
    };
  }

  const winner = input.options.find((option) => option.optionId === winnerOptionIds[0]);
  if (!winner) throw new Error(`The winner ${winnerOptionIds[0]} is not among the options`);
  // An option with no score on any weighted criterion has no total, so it has nothing to catch up with;
  // letting it "win" the moment a zero-weight criterion it was scored on gets weight would be noise.
  const challengers = input.options.filter(
    (option) => option !== winner && coverageOf(option, criterionIds, weights) > WEIGHT_EPSILON,
  );

  const sensitivity = criterionIds.map((criterionId) => {
    const flip = smallestFlip(criterionId, criterionIds, weights, winner, challengers);
    return flip === null
      ? { criterionId, delta: null, catchingUpOptionId: null }
      : { criterionId, delta: flip.delta * 100, catchingUpOptionId: flip.optionId };
  });
  const magnitudes = sensitivity.flatMap((entry) => (entry.delta === null ? [] : [Math.abs(entry.delta)]));
  return { sensitivity, robustness: magnitudes.length === 0 ? null : Math.min(...magnitudes) };
}

function coverageOf(
  option: SensitivityOption,
  criterionIds: readonly string[],
  weights: Readonly<Record<string, number>>,
) {
  let coverage = 0;
  for (const id of criterionIds) if (option.normalized[id] !== undefined) coverage += weights[id] ?? 0;
  return coverage;
}

/** The signed δ (fraction) of smallest magnitude at which some challenger reaches the winner, and which one. */
function smallestFlip(
  criterionId: string,
  criterionIds: readonly string[],
  weights: Readonly<Record<string, number>>,
  winner: SensitivityOption,
  challengers: readonly SensitivityOption[],
): { delta: number; optionId: string } | null {
  const w = weights[criterionId] ?? 0;
  // With W(c) = 1 the rescale factor is 0/0: there is no other weight to shrink or grow in proportion.
  // Moving weight away from c is still measured, as raising a zero-weight criterion.
  if (1 - w <= WEIGHT_EPSILON) return null;

  const winnerPath = pathOf(winner, criterionId, w, criterionIds, weights);
  let best: { delta: number; optionId: string } | null = null;
  for (const challenger of challengers) {
    const path = pathOf(challenger, criterionId, w, criterionIds, weights);
    const candidates =
      isLinear(path) && isLinear(winnerPath)
        ? [exactCrossing(path, winnerPath, w)]
        : [bisectCrossing(path, winnerPath, w, 1), bisectCrossing(path, winnerPath, w, -1)];
    for (const delta of candidates) {
      // On equal magnitude the first one found stays: raising (found first) before lowering.
      if (delta !== null && (best === null || Math.abs(delta) < Math.abs(best.delta))) {
        best = { delta, optionId: challenger.optionId };
      }
    }
  }
  return best;
}

/**
 * With W'(c) = w + δ and every other weight times r(δ) = (1 − w − δ)/(1 − w), the option's covered
 * cells give num(δ) = (w + δ)·a + r(δ)·B and coverage(δ) = (w + δ)·[c covered] + r(δ)·D, where a = ŝ(o, c),
 * B = Σ W(j)·ŝ(o, j) and D = Σ W(j) over its other covered criteria j.
 */
function pathOf(
  option: SensitivityOption,
  criterionId: string,
  w: number,
  criterionIds: readonly string[],
  weights: Readonly<Record<string, number>>,
): TotalPath {
  const rest = 1 - w;
  let b = 0;
  let d = 0;
  for (const id of criterionIds) {
    const s = option.normalized[id];
    if (id === criterionId || s === undefined) continue;
    b += (weights[id] ?? 0) * s;
    d += weights[id] ?? 0;
  }
  const a = option.normalized[criterionId];
  // Not scored on c: every covered weight scales by the same r(δ), so the total stays B / D, until
  // δ = 1 − w leaves c alone with weight and this option with nothing.
  if (a === undefined) return { p0: b / d, p1: 0, q0: 1, q1: 0, noTotalAt: rest };
  // Scored on nothing else that weighs: the total is ŝ(o, c) whatever c weighs, until δ = −w zeroes c.
  if (d <= WEIGHT_EPSILON) return { p0: a, p1: 0, q0: 1, q1: 0, noTotalAt: -w };
  // Scored on c and on something else: coverage is D/(1 − w) > 0 at δ = −w and 1 at δ = 1 − w.
  return { p0: w * a + b, p1: a - b / rest, q0: w + d, q1: 1 - d / rest, noTotalAt: null };
}

/** Coverage constant in δ (a complete option, or one of the constant cases above): total is linear. */
function isLinear(path: TotalPath): boolean {
  return Math.abs(path.q1) <= WEIGHT_EPSILON;
}

function totalAt(path: TotalPath, delta: number): number {
  return (path.p0 + path.p1 * delta) / (path.q0 + path.q1 * delta);
}

/** Whether δ is the range end where this option has no total: nothing there can reach or be reached. */
function hasNoTotalAt(path: TotalPath, delta: number): boolean {
  return path.noTotalAt !== null && Math.abs(delta - path.noTotalAt) <= RANGE_SLACK;
}

/** Both totals linear: the gap is h0 + h1·δ, zero at exactly one δ unless the lines are parallel. */
function exactCrossing(challenger: TotalPath, winner: TotalPath, w: number): number | null {
  const h0 = challenger.p0 / challenger.q0 - winner.p0 / winner.q0;
  const h1 = challenger.p1 / challenger.q0 - winner.p1 / winner.q0;
  if (h0 >= 0) return 0;
  if (h1 === 0) return null;
  const delta = -h0 / h1;
  if (delta < -w - RANGE_SLACK || delta > 1 - w + RANGE_SLACK) return null;
  if (hasNoTotalAt(challenger, delta) || hasNoTotalAt(winner, delta)) return null;
  return Math.min(Math.max(delta, -w), 1 - w);
}

/**
 * One direction (sign +1 raises W(c), −1 lowers it). The totals are ratios of linear functions, so
 * challenger − winner has the sign of g(δ) = num_o·cov_w − num_w·cov_o, a quadratic: splitting the
 * range at its turning point leaves pieces on which the gap changes sign at most once, and bisection
 * on each piece, nearest first, cannot step over a crossing. Returns the end of the final bracket on
 * the caught-up side, so applying the reported δ really does bring the challenger level.
 */
function bisectCrossing(challenger: TotalPath, winner: TotalPath, w: number, sign: 1 | -1): number | null {
  const fullReach = sign > 0 ? 1 - w : w;
  if (fullReach <= 0) return null;
  // Where an option loses its total at the range's end, stop just short of it: a crossing exactly
  // there is no crossing (it has no total to compare), one any earlier is still found.
  const endHasNoTotal = hasNoTotalAt(challenger, sign * fullReach) || hasNoTotalAt(winner, sign * fullReach);
  const reach = endHasNoTotal ? fullReach - RANGE_SLACK : fullReach;
  if (reach <= 0) return null;
  const caughtUp = (t: number) => totalAt(challenger, sign * t) >= totalAt(winner, sign * t) - LEVEL_EPSILON;
  if (caughtUp(0)) return 0;

  const quadratic = challenger.p1 * winner.q1 - winner.p1 * challenger.q1;
  const linear =
    challenger.p0 * winner.q1 +
    challenger.p1 * winner.q0 -
    winner.p0 * challenger.q1 -
    winner.p1 * challenger.q0;
  const bounds = [0, reach];
  if (quadratic !== 0) {
    const turning = sign * (-linear / (2 * quadratic));
    if (turning > 0 && turning < reach) bounds.splice(1, 0, turning);
  }

  for (let i = 1; i < bounds.length; i++) {
    let lo = bounds[i - 1] ?? 0;
    let hi = bounds[i] ?? reach;
    if (caughtUp(lo)) return sign * lo;
    if (!caughtUp(hi)) continue;
    while (hi - lo > BISECTION_WIDTH) {
      const mid = (lo + hi) / 2;
      if (caughtUp(mid)) hi = mid;
      else lo = mid;
    }
    return sign * hi;
  }
  return null;
}
