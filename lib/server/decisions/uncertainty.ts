// How sure the result is: rank acceptability, pivotal voters (leave one out) and the winner by medians.
// Read beside the result in computeResults; who may see the pivotal voters' names is decided by the
// caller (getResults), never here.
import "server-only";
import { createHash } from "node:crypto";
import type { Db, Tx } from "../../db";
import {
  acceptabilitySentence,
  rankAcceptability,
  type AcceptabilityCell,
  type ScoreCount,
} from "../../domain/acceptability";
import type { CellStats, ImportanceVector, Scale, WeightMode } from "../../domain/aggregation";
import { leaveOneOut, medianWinner, type VoterBallot } from "../../domain/leave-one-out";
import { cellHistogramSql, countedBallotsSql, voterScoresSql } from "./uncertainty-sql";

type Client = Db | Tx;

/** "optionId|criterionId" → how many voters gave each value. */
export type CellHistograms = Map<string, ScoreCount[]>;

export interface OptionAcceptabilityView {
  optionId: string;
  /** Entry r − 1: the share of plausible variations in which the option ranks r-th. */
  rankProbabilities: number[];
  winProbability: number;
}

export interface Uncertainty {
  acceptability: OptionAcceptabilityView[];
  /** The sole winner's win probability; null without a sole winner. */
  confidence: number | null;
  confidenceSentence: string;
  acceptabilitySamples: number;
  /** The voters whose absence alone would change the winner, in ballot order, with names. */
  pivotal: { userId: string; name: string }[];
  medianWinnerOptionIds: string[];
  medianDisagrees: boolean;
}

export interface UncertaintyInput {
  decisionId: string;
  scale: Scale;
  weightMode: WeightMode;
  options: readonly { id: string; name: string }[];
  criteria: readonly { id: string; weight: number }[];
  weights: Readonly<Record<string, number>>;
  cells: readonly CellStats[];
  /** VOTED mode only: the counted voters' importances. */
  importances: readonly ImportanceVector[];
  /** The maintained per-cell histograms, when the caller read them; otherwise they are queried. */
  histograms?: CellHistograms;
  /** The counted scores and ballots, when the caller read them already (readUncertaintyRows). */
  rows?: UncertaintyRows;
}

/**
 * The simulation's seed: a hash of the decision and of every counted ballot's revision, so a reload
 * shows the same figure and a new or revised ballot draws afresh.
 */
export function acceptabilitySeed(decisionId: string, ballots: readonly { id: string; revision: number }[]): number {
  const hash = createHash("sha256").update(decisionId);
  for (const ballot of ballots) hash.update(`|${ballot.id}:${ballot.revision}`);
  return hash.digest().readInt32BE(0);
}

export type UncertaintyRows = Awaited<ReturnType<typeof readUncertaintyRows>>;

/** The counted voters' scores and ballots; depends on nothing else, so callers may start it early. */
export async function readUncertaintyRows(db: Client, decisionId: string) {
  const [scoreRows, ballots] = await Promise.all([
    db.$queryRawUnsafe<{ voterId: string; optionId: string; criterionId: string; value: number }[]>(voterScoresSql, decisionId),
    db.$queryRawUnsafe<{ id: string; voterId: string; revision: number; voterName: string }[]>(countedBallotsSql, decisionId),
  ]);
  return { scoreRows, ballots };
}

export async function computeUncertainty(db: Client, input: UncertaintyInput): Promise<Uncertainty> {
  const [histogramRows, { scoreRows, ballots }] = await Promise.all([
    input.histograms
      ? []
      : db.$queryRawUnsafe<{ optionId: string; criterionId: string; value: number; count: number }[]>(
          cellHistogramSql,
          input.decisionId,
        ),
    input.rows ?? readUncertaintyRows(db, input.decisionId),
  ]);

  const histograms: CellHistograms = input.histograms ?? new Map();
  for (const row of histogramRows) {
    const key = `${row.optionId}|${row.criterionId}`;
    const list = histograms.get(key) ?? [];
    list.push({ value: Number(row.value), count: Number(row.count) });
    histograms.set(key, list);
  }
  const cells: AcceptabilityCell[] = input.cells.map((cell) => ({
    ...cell,
    histogram: histograms.get(`${cell.optionId}|${cell.criterionId}`),
  }));

  const acceptability = rankAcceptability({
    scale: input.scale,
    options: input.options,
    criteria: input.criteria,
    weights: input.weights,
    weightUncertainty:
      input.weightMode === "VOTED" ? { mode: "VOTED", importances: input.importances } : { mode: "FIXED" },
    cells,
    seed: acceptabilitySeed(input.decisionId, ballots),
  });

  const importancesOf = new Map(input.importances.map((vector) => [vector.voterId, vector.importances]));
  const scoresOf = new Map<string, VoterBallot["scores"][number][]>();
  for (const row of scoreRows) {
    const list = scoresOf.get(row.voterId) ?? [];
    list.push({ optionId: row.optionId, criterionId: row.criterionId, value: Number(row.value) });
    scoresOf.set(row.voterId, list);
  }
  const pivotal = leaveOneOut({
    scale: input.scale,
    mode: input.weightMode,
    options: input.options,
    criteria: input.criteria,
    cells: input.cells,
    ballots: ballots.map((ballot) => ({
      voterId: ballot.voterId,
      scores: scoresOf.get(ballot.voterId) ?? [],
      importances: importancesOf.get(ballot.voterId),
    })),
  });
  const nameOf = new Map(ballots.map((ballot) => [ballot.voterId, ballot.voterName]));

  const medians = medianWinner({
    scale: input.scale,
    options: input.options,
    criteria: input.criteria,
    weights: input.weights,
    cells: input.cells,
  });

  return {
    acceptability: acceptability.options.map((option) => ({
      optionId: option.optionId,
      rankProbabilities: option.rankProbabilities,
      winProbability: option.winProbability,
    })),
    confidence: acceptability.winnerConfidence,
    confidenceSentence: acceptabilitySentence(acceptability),
    acceptabilitySamples: acceptability.samples,
    pivotal: pivotal.pivotal.map((voter) => ({ userId: voter.voterId, name: nameOf.get(voter.voterId) ?? "" })),
    medianWinnerOptionIds: medians.medianWinnerOptionIds,
    medianDisagrees: medians.medianDisagrees,
  };
}
