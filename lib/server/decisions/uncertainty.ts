// How sure the result is: rank acceptability, pivotal voters (leave one out) and the winner by medians.
// Read beside the result in computeResults; who may see the pivotal voters' names is decided by the
// caller (getResults), never here. Leave-one-out reads every counted score and the simulation draws
// 10,000 samples, so the figures are stored (ResultUncertainty) under a hash of everything they are
// computed from and recomputed only when that hash changes; the counted ballots enter the hash as the
// decision's TallyVersion counters, which every ballot and every change of who counts bumps.
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
import { cellHistogramSql, countedBallotsSql, readStoredUncertaintySql, storeUncertaintySql, voterScoresSql } from "./uncertainty-sql";
import { readTallyVersionSql } from "./tally-sql";

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
  /** How many voters' absence alone would change the winner. */
  pivotalCount: number;
  /** The first PIVOTAL_VOTERS_NAMED of them, in ballot order, with names (none when names were not asked for). */
  pivotal: { userId: string; name: string }[];
  medianWinnerOptionIds: string[];
  medianDisagrees: boolean;
}

export interface UncertaintyInput {
  decisionId: string;
  scale: Scale;
  weightMode: WeightMode;
  /** FIXED mode: the lead's relative band each weight moves within (0.2 = ±20 %). */
  weightBand: number;
  options: readonly { id: string; name: string }[];
  criteria: readonly { id: string; weight: number }[];
  weights: Readonly<Record<string, number>>;
  cells: readonly CellStats[];
  /** VOTED mode only: the counted voters' importances; read when the figures are computed if left out. */
  importances?: readonly ImportanceVector[];
  /** The maintained per-cell histograms, when the caller read them; otherwise they are queried on a recompute. */
  histograms?: CellHistograms;
  /** The counted ballots' versions and the stored figures, when the caller read them already (readUncertaintyState). */
  state?: UncertaintyState;
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

/** Bump when the figures' computation changes, so rows stored by an older version are recomputed. */
const FIGURES_VERSION = 2;

/**
 * Everything the figures depend on, hashed: the counted ballots (by the decision's TallyVersion
 * counters: every ballot written and every voter who stops or starts counting bumps one), the scale,
 * the options (their names are in the confidence sentence), each criterion's stored weight (FIXED
 * weights, pairwise ones included, are stored there) and, in FIXED mode, the band the weights move
 * within (it may change while the vote is open). What follows from those is not hashed: the cells,
 * histograms and VOTED weights come from the counted ballots' scores and importances, which the
 * revisions already stand for, and their floating-point sums could differ in the last bit with row
 * order, missing the stored row for nothing. Status is left out too: closing or reopening alone
 * changes none of the inputs.
 */
export function uncertaintyStateKey(input: UncertaintyInput, versions: Readonly<Record<string, number>>): string {
  const hash = createHash("sha256");
  hash.update(
    JSON.stringify({
      version: FIGURES_VERSION,
      decisionId: input.decisionId,
      scale: input.scale,
      weightMode: input.weightMode,
      ...(input.weightMode === "FIXED" ? { weightBand: input.weightBand } : {}),
      options: input.options.map((o) => [o.id, o.name]),
      criteria: input.criteria.map((c) => [c.id, c.weight]),
      ballots: versions.ballots ?? 0,
      members: versions.members ?? 0,
    }),
  );
  return hash.digest("base64url");
}

export interface CountedBallot {
  id: string;
  voterId: string;
  revision: number;
  voterName: string;
}

/** The figures as stored: pivotal voters by id only, so a renamed voter shows their current name. */
interface StoredFigures {
  acceptability: OptionAcceptabilityView[];
  confidence: number | null;
  confidenceSentence: string;
  acceptabilitySamples: number;
  /** The first PIVOTAL_VOTERS_NAMED pivotal voters: a result never names more. */
  pivotalVoterIds: string[];
  pivotalCount: number;
  medianWinnerOptionIds: string[];
  medianDisagrees: boolean;
}

export type UncertaintyState = Awaited<ReturnType<typeof readUncertaintyState>>;

/**
 * The counted ballots' versions (two short rows, whatever the number of voters) and the stored figures;
 * depends on nothing else, so callers may start it early.
 */
export async function readUncertaintyState(db: Client, decisionId: string) {
  const [versions, stored] = await Promise.all([
    db.$queryRawUnsafe<{ writer: string; version: number }[]>(readTallyVersionSql, decisionId),
    db.$queryRawUnsafe<{ stateKey: string; payload: StoredFigures | string }[]>(readStoredUncertaintySql, decisionId),
  ]);
  const row = stored[0];
  return {
    versions: Object.fromEntries(versions.map((v) => [v.writer, Number(v.version)])),
    stored: row ? { stateKey: row.stateKey, figures: (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as StoredFigures } : null,
  };
}

/**
 * The stored figures when they were computed from the current inputs, else null (nothing is computed:
 * the read path of results uses this and leaves the computation to figures-job.ts).
 */
export async function storedUncertainty(db: Client, input: UncertaintyInput, nameVoters = true): Promise<Uncertainty | null> {
  const { versions, stored } = input.state ?? (await readUncertaintyState(db, input.decisionId));
  if (stored?.stateKey !== uncertaintyStateKey(input, versions)) return null;
  return named(db, stored.figures, nameVoters);
}

/**
 * How many pivotal voters a result names. In a close vote most voters can be pivotal, and a list of
 * thousands of names tells a reader no more than the count: the answer names the first ones and stays
 * the same size whatever the number of voters.
 */
export const PIVOTAL_VOTERS_NAMED = 100;

/** The first pivotal voters with their current names; none when the reader may not see names. */
async function named(db: Client, figures: StoredFigures, nameVoters = true): Promise<Uncertainty> {
  const { pivotalVoterIds, ...rest } = figures;
  const listed = nameVoters ? pivotalVoterIds : [];
  const users = listed.length
    ? await db.$queryRawUnsafe<{ id: string; name: string }[]>(`SELECT id, name FROM "User" WHERE id = ANY($1::text[])`, listed)
    : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return { ...rest, pivotal: listed.map((userId) => ({ userId, name: nameOf.get(userId) ?? "" })) };
}

/** The counted voters' importances (VOTED): what the uncertainty figures and the recount start from. */
export async function importanceVectors(db: Client, decisionId: string): Promise<ImportanceVector[]> {
  const rows = await db.importance.findMany({
    where: { ballot: { decisionId, counted: true } },
    select: { criterionId: true, value: true, ballot: { select: { voterId: true } } },
  });
  const byVoter = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const vector = byVoter.get(row.ballot.voterId) ?? {};
    vector[row.criterionId] = row.value;
    byVoter.set(row.ballot.voterId, vector);
  }
  return [...byVoter].map(([voterId, importances]) => ({ voterId, importances }));
}

export async function computeUncertainty(db: Client, input: UncertaintyInput): Promise<Uncertainty> {
  const { versions, stored } = input.state ?? (await readUncertaintyState(db, input.decisionId));
  const stateKey = uncertaintyStateKey(input, versions);
  let figures: StoredFigures;
  if (stored?.stateKey === stateKey) {
    figures = stored.figures;
  } else {
    figures = await computeFigures(db, input);
    // A read that writes: the figures are a cache of the ballots, stored by whichever read first finds
    // them stale. It touches only this decision's ResultUncertainty row (its foreign key check takes a
    // KEY SHARE lock on the decision, which does not conflict with the FOR SHARE lock ballots take), so
    // no ballot ever waits on it; two reads racing both compute and the later upsert wins, harmlessly.
    await db.$executeRawUnsafe(storeUncertaintySql, input.decisionId, stateKey, JSON.stringify(figures));
  }
  return named(db, figures);
}

async function computeFigures(db: Client, input: UncertaintyInput): Promise<StoredFigures> {
  const [ballots, importances, histogramRows, scoreRows] = await Promise.all([
    db.$queryRawUnsafe<CountedBallot[]>(countedBallotsSql, input.decisionId),
    input.importances ?? (input.weightMode === "VOTED" ? importanceVectors(db, input.decisionId) : []),
    input.histograms
      ? []
      : db.$queryRawUnsafe<{ optionId: string; criterionId: string; value: number; count: number }[]>(
          cellHistogramSql,
          input.decisionId,
        ),
    db.$queryRawUnsafe<{ voterId: string; optionId: string; criterionId: string; value: number }[]>(voterScoresSql, input.decisionId),
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
      input.weightMode === "VOTED" ? { mode: "VOTED", importances } : { mode: "FIXED", band: input.weightBand },
    cells,
    seed: acceptabilitySeed(input.decisionId, ballots.map((b) => ({ id: b.id, revision: Number(b.revision) }))),
  });

  const importancesOf = new Map(importances.map((vector) => [vector.voterId, vector.importances]));
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
    pivotalVoterIds: pivotal.pivotal.slice(0, PIVOTAL_VOTERS_NAMED).map((voter) => voter.voterId),
    pivotalCount: pivotal.pivotal.length,
    medianWinnerOptionIds: medians.medianWinnerOptionIds,
    medianDisagrees: medians.medianDisagrees,
  };
}
