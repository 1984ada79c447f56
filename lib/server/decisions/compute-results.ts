// A decision's full result: from the tallies kept up to date by each ballot (computeResults), or from
// every score by the two original SQL aggregates (computeResultsFromScores, the recount and benchmark
// baseline); both feed the same pure engine in lib/domain.
import "server-only";
import { getDb, type Db, type Tx } from "../../db";
import { AppError } from "../../errors";
import {
  aggregate,
  computeWeights,
  DomainRuleError,
  type CellStats,
  type ResultFlag,
  type VoterOptionSum,
} from "../../domain/aggregation";
import { cellStatsFromTally, votedWeightsFromShares, type ValueCount } from "../../domain/tally";
import { cellStatsSql, voterSumsSql } from "./results-sql";
import { decisionInclude, type DecisionRow } from "./shape";
import { medianWinner } from "../../domain/leave-one-out";
import { scheduleFigures } from "./figures-job";
import {
  computeUncertainty,
  readUncertaintyState,
  storedUncertainty,
  importanceVectors,
  type CellHistograms,
  type Uncertainty,
  type UncertaintyInput,
  type UncertaintyState,
} from "./uncertainty";
import {
  readApartScoreTallySql,
  readImportanceTallySql,
  readOptionTallySql,
  readScoreTallySql,
  readTimeBallotsSql,
  recountBallotSumsSql,
} from "./tally-sql";

type Client = Db | Tx;

/** How many voters are pivotal; their names only for callers allowed to read ballots, after close. */
export interface PivotalVoters {
  count: number;
  voters?: { userId: string; name: string }[];
}

export type FullResult = Awaited<ReturnType<typeof computeResults>>;

export function cellStatsQuery(db: Client, decisionId: string) {
  return db.$queryRawUnsafe<CellStats[]>(cellStatsSql, decisionId);
}

export function voterSumsQuery(
  db: Client,
  decisionId: string,
  scale: { min: number; max: number },
  weights: Record<string, number>,
  voted: boolean,
) {
  const ids = Object.keys(weights);
  return db.$queryRawUnsafe<VoterOptionSum[]>(voterSumsSql, decisionId, ids, ids.map((id) => weights[id]!), scale.min, scale.max, voted);
}

/** The roles whose ballots count, as in the eligible count and the SQL aggregates. */
const VOTING_ROLES = ["OWNER", "LEAD", "MEMBER"] as const;

/** The full result recomputed from every score: what the maintained tallies must reproduce. */
export async function computeResultsFromScores(db: Client, decisionId: string) {
  const decision = await db.decision.findUniqueOrThrow({ where: { id: decisionId }, include: decisionInclude });
  const scale = { min: decision.scaleMin, max: decision.scaleMax };
  let weights: Record<string, number>;
  try {
    weights = computeWeights(
      decision.weightMode,
      decision.criteria.map((c) => ({ id: c.id, weight: c.weight })),
      decision.weightMode === "VOTED" ? await importanceVectors(db, decisionId) : [],
    ).weights;
  } catch (error) {
    if (error instanceof DomainRuleError) throw new AppError("unprocessable", error.message, { issues: [{ path: error.path.join("."), message: error.message }] });
    throw error;
  }
  const [cells, voterSums, eligible] = await Promise.all([
    cellStatsQuery(db, decisionId),
    voterSumsQuery(db, decisionId, scale, weights, decision.weightMode === "VOTED"),
    db.membership.count({ where: { projectId: decision.projectId, role: { in: [...VOTING_ROLES] } } }),
  ]);
  const result = aggregate({
    scale,
    options: decision.options.map((o) => ({ id: o.id, name: o.name })),
    criteria: decision.criteria.map((c) => ({ id: c.id })),
    weights,
    cells,
    voterSums,
    eligible,
  });
  return { decisionId, status: decision.status, ...result };
}


/**
 * The weights results use: FIXED from the criteria, VOTED from the maintained importance shares of the
 * counted voters (exact integers, so the same whatever order ballots came in).
 */
function weightsOf(decision: DecisionRow, importanceTally: readonly { criterionId: string; share: string; voters: number }[]) {
  const criteria = decision.criteria.map((c) => ({ id: c.id, weight: c.weight }));
  try {
    if (decision.weightMode !== "VOTED") return computeWeights(decision.weightMode, criteria, []).weights;
    computeWeights("VOTED", criteria, []);
    const voters = Math.max(0, ...importanceTally.map((t) => t.voters));
    return votedWeightsFromShares(criteria.map((c) => c.id), Object.fromEntries(importanceTally.map((t) => [t.criterionId, BigInt(t.share)])), voters);
  } catch (error) {
    if (error instanceof DomainRuleError) throw new AppError("unprocessable", error.message, { issues: [{ path: error.path.join("."), message: error.message }] });
    throw error;
  }
}

/**
 * Each cell's statistics from its maintained histogram, less the scores of ballots that no longer
 * count (their voter left the project or became an auditor; kept apart by that membership change).
 */
export async function cellStatsFromTallies(
  db: Client,
  decisionId: string,
  /** Filled with each cell's value counts, for rank acceptability's bootstrap of small cells. */
  histogramsOut?: CellHistograms,
): Promise<CellStats[]> {
  type Row = { optionId: string; criterionId: string; abstained: boolean; value: number; voters: number };
  const [kept, apart] = await Promise.all([
    db.$queryRawUnsafe<Row[]>(readScoreTallySql, decisionId),
    db.$queryRawUnsafe<Row[]>(readApartScoreTallySql, decisionId),
  ]);
  const rows = [...kept, ...apart];
  const byCell = new Map<string, { optionId: string; criterionId: string; counts: ValueCount[]; abstentions: number }>();
  for (const row of rows) {
    const key = `${row.optionId}\u0000${row.criterionId}`;
    const cell = byCell.get(key) ?? { optionId: row.optionId, criterionId: row.criterionId, counts: [], abstentions: 0 };
    if (row.abstained) cell.abstentions += row.voters;
    else {
      const bucket = cell.counts.find((c) => c.value === row.value);
      if (bucket) bucket.voters += row.voters;
      else cell.counts.push({ value: row.value, voters: row.voters });
    }
    byCell.set(key, cell);
  }
  if (histogramsOut) {
    for (const cell of byCell.values()) {
      histogramsOut.set(
        `${cell.optionId}|${cell.criterionId}`,
        cell.counts.filter((c) => c.voters > 0).map((c) => ({ value: c.value, count: c.voters })),
      );
    }
  }
  return [...byCell.values()].map((cell) => ({ optionId: cell.optionId, criterionId: cell.criterionId, ...cellStatsFromTally(cell.counts, cell.abstentions) }));
}

/**
 * The full result of a decision, whatever its status, with how sure it is (rank acceptability, pivotal
 * voters, the winner by medians); callers decide who may see it, and who may see the pivotal voters'
 * names (present-results.ts). Reads the cell
 * histograms and per-option Borda tallies that ballots keep up to date, so its cost follows options ×
 * criteria, not voters; only ballots whose totals depend on the shared VOTED weights (and ballots cast
 * before totals were stored) are summed from their scores here. The uncertainty figures, which read
 * every counted score, come from their stored row unless a counted ballot changed since (uncertainty.ts).
 * Pass the decision when already loaded.
 */
export async function computeResults(db: Client, decisionId: string, loaded?: DecisionRow) {
  // The versions first, then the tallies: figures computed from ballots newer than their key are at worst
  // recomputed once more, never served for a state they were not computed from.
  const state = await readUncertaintyState(db, decisionId);
  const tallies = await readTallies(db, decisionId, loaded);
  return withFigures(tallies.result, await computeUncertainty(db, uncertaintyInput(decisionId, tallies, state)));
}

/** A result as a reader gets it: with the uncertainty figures once they are computed for these ballots. */
export type ResultForRead = Omit<FullResult, "pivotalVoters"> & {
  /** "computing": the ballots changed since the figures were last computed; they are on their way. */
  figures: "ready" | "computing";
  /** Null while the figures are computing. */
  pivotalVoters: PivotalVoters | null;
};

/**
 * The result for the read path (the results page and endpoint): the maintained tallies and, when stored
 * for the current ballots, the uncertainty figures; never the O(scores) computation of those figures,
 * which is scheduled instead (figures-job.ts) while the result says they are computing. The winner by
 * medians needs only the cells, so it is always there. `nameVoters: false` (a reader who gets only the
 * pivotal count) skips looking up the pivotal voters' names, which can be most of the voters.
 */
export async function computeResultsForRead(
  db: Client,
  decisionId: string,
  loaded?: DecisionRow,
  { nameVoters = true }: { nameVoters?: boolean } = {},
): Promise<ResultForRead> {
  const [tallies, state] = await Promise.all([readTallies(db, decisionId, loaded), readUncertaintyState(db, decisionId)]);
  const input = uncertaintyInput(decisionId, tallies, state);
  const stored = await storedUncertainty(db, input, nameVoters);
  if (stored) return { ...withFigures(tallies.result, stored), figures: "ready" };
  scheduleFiguresOf(decisionId);
  const medians = medianWinner({ scale: input.scale, options: input.options, criteria: input.criteria, weights: input.weights, cells: input.cells });
  return {
    ...tallies.result,
    flags: medians.medianDisagrees ? [...tallies.result.flags, "median_disagrees"] : tallies.result.flags,
    figures: "computing",
    acceptability: [],
    acceptabilitySamples: 0,
    confidence: null,
    confidenceSentence: "",
    pivotalVoters: null,
    medianWinnerOptionIds: medians.medianWinnerOptionIds,
  };
}

function uncertaintyInput(decisionId: string, tallies: Awaited<ReturnType<typeof readTallies>>, state: UncertaintyState): UncertaintyInput {
  const { decision, scale, weights, cells, histograms } = tallies;
  return {
    state,
    decisionId,
    scale,
    weightMode: decision.weightMode,
    weightBand: decision.weightBand,
    options: decision.options.map((o) => ({ id: o.id, name: o.name })),
    criteria: decision.criteria.map((c) => ({ id: c.id, weight: c.weight })),
    weights,
    cells,
    histograms,
  };
}

function withFigures(result: Awaited<ReturnType<typeof readTallies>>["result"], uncertainty: Uncertainty) {
  const flags: ResultFlag[] = uncertainty.medianDisagrees ? [...result.flags, "median_disagrees"] : result.flags;
  return {
    ...result,
    flags,
    acceptability: uncertainty.acceptability,
    acceptabilitySamples: uncertainty.acceptabilitySamples,
    confidence: uncertainty.confidence,
    confidenceSentence: uncertainty.confidenceSentence,
    pivotalVoters: { count: uncertainty.pivotalCount, voters: uncertainty.pivotal } as PivotalVoters,
    medianWinnerOptionIds: uncertainty.medianWinnerOptionIds,
  };
}

/** The result from the maintained tallies alone, as the recount compares it with computeResultsFromScores. */
export async function computeResultsFromTallies(db: Client, decisionId: string, loaded?: DecisionRow) {
  return (await readTallies(db, decisionId, loaded)).result;
}

async function readTallies(db: Client, decisionId: string, loaded?: DecisionRow) {
  const decision = loaded ?? (await db.decision.findUniqueOrThrow({ where: { id: decisionId }, include: decisionInclude }));
  const scale = { min: decision.scaleMin, max: decision.scaleMax };
  const voted = decision.weightMode === "VOTED";
  const histograms: CellHistograms = new Map();
  // Only the ballots whose voter weighs by the shared VOTED weights (or cast before totals were stored)
  // are summed here, by the weights the importance tally gives.
  const weightsAndReadTimeSums = (async () => {
    const [importanceTally, readTime] = await Promise.all([
      voted ? db.$queryRawUnsafe<{ criterionId: string; share: string; voters: number }[]>(readImportanceTallySql, decisionId) : [],
      db.$queryRawUnsafe<{ id: string }[]>(readTimeBallotsSql, decisionId),
    ]);
    const weights = weightsOf(decision, importanceTally);
    const ids = decision.criteria.map((c) => c.id);
    const sums = readTime.length
      ? await db.$queryRawUnsafe<VoterOptionSum[]>(recountBallotSumsSql, decisionId, ids, ids.map((id) => weights[id]!), scale.min, scale.max, voted, readTime.map((b) => b.id))
      : [];
    return { weights, sums };
  })();
  const [cells, optionTallies, eligible, { weights, sums }] = await Promise.all([
    cellStatsFromTallies(db, decisionId, histograms),
    db.$queryRawUnsafe<{ optionId: string; voters: number; positionSum2: number }[]>(readOptionTallySql, decisionId),
    db.membership.count({ where: { projectId: decision.projectId, role: { in: [...VOTING_ROLES] } } }),
    weightsAndReadTimeSums,
  ]);
  const result = aggregate({
    scale,
    options: decision.options.map((o) => ({ id: o.id, name: o.name })),
    criteria: decision.criteria.map((c) => ({ id: c.id })),
    weights,
    cells,
    voterSums: sums,
    positionTally: {
      // Every stored ballot has a row for every option, so any option's count is the number of voters.
      voted: Math.max(0, ...optionTallies.map((t) => t.voters)),
      positionSums: Object.fromEntries(optionTallies.map((t) => [t.optionId, t.positionSum2 / 2])),
    },
    eligible,
  });
  return { decision, scale, weights, cells, histograms, result: { decisionId, status: decision.status, ...result } };
}

/** Computes and stores a decision's uncertainty figures soon, after the caller's commit (figures-job.ts). */
export function scheduleFiguresOf(decisionId: string) {
  // computeResults computes the figures when the stored ones are stale and stores them.
  scheduleFigures(decisionId, () => computeResults(getDb(), decisionId));
}
