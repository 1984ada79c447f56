import "server-only";
import { getDb, type Db, type Tx } from "../../db";
import { AppError } from "../../errors";
import {
  aggregate,
  computeWeights,
  DomainRuleError,
  type CellStats,
  type ImportanceVector,
  type VoterOptionSum,
} from "../../domain/aggregation";
import type { Actor } from "../actor";
import { loadDecision } from "./load";
import { decisionInclude } from "./shape";

type Client = Db | Tx;

/** Per-cell statistics, computed by the database over every submitted score of the decision. */
export function cellStatsQuery(db: Client, decisionId: string) {
  return db.$queryRaw<CellStats[]>`
    SELECT s."optionId", s."criterionId",
           count(s.value)::int AS n,
           (count(*) - count(s.value))::int AS abstentions,
           avg(s.value)::float8 AS mean,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY s.value)::float8 AS median,
           stddev_pop(s.value)::float8 AS stdev,
           min(s.value)::float8 AS min,
           max(s.value)::float8 AS max
    FROM "Score" s JOIN "Ballot" b ON b.id = s."ballotId"
    WHERE b."decisionId" = ${decisionId}
    GROUP BY s."optionId", s."criterionId"`;
}

/**
 * Each voter's weighted sum and coverage per option, for the Borda cross-check. In VOTED mode a voter
 * is weighed by their own normalized importances, or by the aggregate weights if they gave all zeros.
 */
export function voterSumsQuery(
  db: Client,
  decisionId: string,
  scale: { min: number; max: number },
  weights: Record<string, number>,
  voted: boolean,
) {
  const ids = Object.keys(weights);
  const values = ids.map((id) => weights[id]!);
  const span = scale.max - scale.min;
  return db.$queryRaw<VoterOptionSum[]>`
    WITH w AS (SELECT * FROM unnest(${ids}::text[], ${values}::float8[]) AS w(cid, weight)),
    own AS (
      SELECT i."ballotId", i."criterionId" AS cid,
             i.value::float8 / NULLIF(sum(i.value) OVER (PARTITION BY i."ballotId"), 0) AS weight
      FROM "Importance" i JOIN "Ballot" b ON b.id = i."ballotId"
      WHERE b."decisionId" = ${decisionId} AND ${voted}
    )
    SELECT b."voterId", s."optionId",
           sum(COALESCE(own.weight, w.weight) * (s.value - ${scale.min})::float8 / ${span}::float8)::float8 AS "weightedSum",
           sum(COALESCE(own.weight, w.weight))::float8 AS coverage
    FROM "Score" s
    JOIN "Ballot" b ON b.id = s."ballotId"
    JOIN w ON w.cid = s."criterionId"
    LEFT JOIN own ON own."ballotId" = s."ballotId" AND own.cid = s."criterionId"
    WHERE b."decisionId" = ${decisionId} AND s.value IS NOT NULL
    GROUP BY b."voterId", s."optionId"`;
}

async function importanceVectors(db: Client, decisionId: string): Promise<ImportanceVector[]> {
  const rows = await db.importance.findMany({
    where: { ballot: { decisionId } },
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

/** The full result of a decision, whatever its status; callers decide who may see it. */
export async function computeResults(db: Client, decisionId: string) {
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
    db.membership.count({ where: { projectId: decision.projectId, role: { in: ["OWNER", "LEAD", "MEMBER"] } } }),
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
 * Results for a member: after close, or live while OPEN when the reveal policy says so.
 * While hidden, nothing about scores leaves the server — not even to the lead.
 */
export async function getResults(actor: Actor, decisionId: string) {
  const { decision } = await loadDecision(decisionId, actor.userId);
  if (decision.status === "DRAFT") throw new AppError("conflict", "The vote has not opened yet, so there are no results.");
  if (decision.status === "OPEN" && decision.revealPolicy !== "LIVE") {
    throw new AppError("conflict", "Results are hidden until the vote closes (blind voting).");
  }
  return computeResults(getDb(), decisionId);
}
