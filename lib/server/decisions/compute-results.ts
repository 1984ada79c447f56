// A decision's full result from its ballots: two SQL aggregates, then the pure engine in lib/domain.
import "server-only";
import type { Db, Tx } from "../../db";
import { AppError } from "../../errors";
import {
  aggregate,
  computeWeights,
  DomainRuleError,
  type CellStats,
  type ImportanceVector,
  type ResultFlag,
  type VoterOptionSum,
} from "../../domain/aggregation";
import { cellStatsSql, voterSumsSql } from "./results-sql";
import { computeUncertainty } from "./uncertainty";
import { decisionInclude } from "./shape";

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

async function importanceVectors(db: Client, decisionId: string, projectId: string): Promise<ImportanceVector[]> {
  const rows = await db.importance.findMany({
    where: { ballot: { decisionId, voter: { memberships: { some: { projectId, role: { in: [...VOTING_ROLES] } } } } } },
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

/**
 * The full result of a decision, whatever its status, with how sure it is (rank acceptability, pivotal
 * voters, the winner by medians). Callers decide who may see it, and who may see the pivotal voters'
 * names (see present-results.ts).
 */
export async function computeResults(db: Client, decisionId: string) {
  const decision = await db.decision.findUniqueOrThrow({ where: { id: decisionId }, include: decisionInclude });
  const scale = { min: decision.scaleMin, max: decision.scaleMax };
  let weights: Record<string, number>;
  const importances = decision.weightMode === "VOTED" ? await importanceVectors(db, decisionId, decision.projectId) : [];
  try {
    weights = computeWeights(
      decision.weightMode,
      decision.criteria.map((c) => ({ id: c.id, weight: c.weight })),
      importances,
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
  const uncertainty = await computeUncertainty(db, {
    decisionId,
    scale,
    weightMode: decision.weightMode,
    options: decision.options.map((o) => ({ id: o.id, name: o.name })),
    criteria: decision.criteria.map((c) => ({ id: c.id, weight: c.weight })),
    weights,
    cells,
    importances,
  });
  const flags: ResultFlag[] = uncertainty.medianDisagrees ? [...result.flags, "median_disagrees"] : result.flags;
  return {
    decisionId,
    status: decision.status,
    ...result,
    flags,
    acceptability: uncertainty.acceptability,
    acceptabilitySamples: uncertainty.acceptabilitySamples,
    confidence: uncertainty.confidence,
    confidenceSentence: uncertainty.confidenceSentence,
    pivotalVoters: { count: uncertainty.pivotal.length, voters: uncertainty.pivotal } as PivotalVoters,
    medianWinnerOptionIds: uncertainty.medianWinnerOptionIds,
  };
}

