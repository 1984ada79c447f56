// Recounts a decision's maintained tallies from its scores and says where they differ: the check behind
// `npm run results:recount` and the recount test. Any difference at all is a bug in the write path.
import "server-only";
import type { Db, Tx } from "../../db";
import { computeWeights, type ImportanceVector } from "../../domain/aggregation";
import { voterPositions } from "../../domain/ranking";
import { computeResultsFromScores, computeResultsFromTallies } from "./compute-results";
import { decisionInclude } from "./shape";
import { importanceShares } from "../../domain/tally";
import { readApartScoreTallySql, readScoreTallySql, recountBallotSumsSql, recountScoreTallySql } from "./tally-sql";

type Client = Db | Tx;

export interface RecountReport {
  decisionId: string;
  ballots: number;
  /** One line per figure that differs, "what: maintained ≠ recounted". */
  differences: string[];
}

/**
 * Counts and positions must match exactly. Floating-point figures must match to 12 significant digits:
 * PostgreSQL's numeric stddev_pop and a sum's last bit may differ from the tallies' exact-integer
 * arithmetic by one unit in the last place, which no displayed figure, rank or flag can see.
 */
const asCompared = (_key: string, value: unknown) => (typeof value === "number" && !Number.isInteger(value) ? Number(value.toPrecision(12)) : value);

function compareMaps(what: string, maintained: Map<string, unknown>, recounted: Map<string, unknown>, out: string[]) {
  for (const key of new Set([...maintained.keys(), ...recounted.keys()])) {
    const a = JSON.stringify(maintained.get(key) ?? null, asCompared);
    const b = JSON.stringify(recounted.get(key) ?? null, asCompared);
    if (a !== b) out.push(`${what} ${key}: ${a} ≠ ${b}`);
  }
}

export async function recountResults(db: Client, decisionId: string): Promise<RecountReport> {
  const decision = await db.decision.findUniqueOrThrow({ where: { id: decisionId }, include: decisionInclude });
  const differences: string[] = [];
  type TallyRow = { optionId: string; criterionId: string; abstained: boolean; value: number; voters: number };
  const tallyKey = (r: TallyRow) => JSON.stringify([r.optionId, r.criterionId, r.abstained, r.value]);
  const [kept, counted, keptApart, countedApart, membersCount] = await Promise.all([
    db.$queryRawUnsafe<TallyRow[]>(readScoreTallySql, decisionId),
    db.$queryRawUnsafe<TallyRow[]>(recountScoreTallySql, decisionId, null),
    db.$queryRawUnsafe<TallyRow[]>(readApartScoreTallySql, decisionId),
    db.$queryRawUnsafe<TallyRow[]>(recountScoreTallySql, decisionId, false),
    // Whether each ballot counts, against its voter's membership now.
    db.$queryRawUnsafe<{ id: string; counted: boolean; member: boolean }[]>(
      `SELECT b.id, b.counted, EXISTS (SELECT 1 FROM "Membership" m WHERE m."projectId" = $2 AND m."userId" = b."voterId" AND m.role IN ('OWNER', 'LEAD', 'MEMBER')) AS member
       FROM "Ballot" b WHERE b."decisionId" = $1`,
      decisionId,
      decision.projectId,
    ),
  ]);
  compareMaps("cell", new Map(kept.map((r) => [tallyKey(r), r.voters])), new Map(counted.map((r) => [tallyKey(r), r.voters])), differences);
  compareMaps("apart cell", new Map(keptApart.map((r) => [tallyKey(r), -r.voters])), new Map(countedApart.map((r) => [tallyKey(r), r.voters])), differences);
  compareMaps(
    "ballot counted",
    new Map(membersCount.map((b) => [b.id, b.counted])),
    new Map(membersCount.map((b) => [b.id, b.member])),
    differences,
  );
  const uncounted = new Set(membersCount.filter((b) => !b.counted).map((b) => b.id));

  // Stored per-ballot totals, against the same sums taken over the scores by SQL.
  const ids = decision.criteria.map((c) => c.id);
  const optionIds = decision.options.map((o) => o.id);
  const importances = await db.importance.findMany({ where: { ballot: { decisionId } }, select: { criterionId: true, value: true, ballotId: true, ballot: { select: { voterId: true } } } });
  const vectors = new Map<string, Record<string, number>>();
  const ballotOf = new Map<string, string>();
  for (const row of importances) {
    vectors.set(row.ballot.voterId, { ...vectors.get(row.ballot.voterId), [row.criterionId]: row.value });
    ballotOf.set(row.ballot.voterId, row.ballotId);
  }

  // The importance shares (VOTED weights), as exact integers: every ballot's, and the uncounted ones' apart.
  const shareSums = (apart: boolean) => {
    const sums = new Map<string, { share: string; voters: number }>();
    const totals = new Map<string, bigint>();
    let voters = 0;
    for (const [voterId, vector] of vectors) {
      if (apart && !uncounted.has(ballotOf.get(voterId)!)) continue;
      const shares = importanceShares(ids, vector);
      if (!shares) continue;
      voters += 1;
      ids.forEach((id, i) => totals.set(id, (totals.get(id) ?? 0n) + shares[i]!));
    }
    for (const [id, total] of totals) sums.set(id, { share: total.toString(), voters });
    return sums;
  };
  const [importanceTally, apartImportanceTally] = await Promise.all([
    db.importanceTally.findMany({ where: { decisionId } }),
    db.apartImportanceTally.findMany({ where: { decisionId } }),
  ]);
  const asShares = (rows: { criterionId: string; share: { toFixed(): string }; voters: number }[]) =>
    new Map(rows.filter((r) => r.voters !== 0 || r.share.toFixed() !== "0").map((r) => [r.criterionId, { share: r.share.toFixed(), voters: r.voters }]));
  compareMaps("importance tally", asShares(importanceTally), shareSums(false), differences);
  compareMaps("apart importance tally", asShares(apartImportanceTally), shareSums(true), differences);
  const weights = computeWeights(
    decision.weightMode,
    decision.criteria.map((c) => ({ id: c.id, weight: c.weight })),
    [...vectors].map(([voterId, vector]): ImportanceVector => ({ voterId, importances: vector })),
  ).weights;
  const [ballots, stored, sums, optionTallies, apartOptionTallies] = await Promise.all([
    db.ballot.findMany({ where: { decisionId }, select: { id: true, totalsAtRead: true } }),
    db.ballotTotal.findMany({ where: { ballot: { decisionId } } }),
    db.$queryRawUnsafe<{ ballotId: string; optionId: string; weightedSum: number; coverage: number }[]>(
      recountBallotSumsSql, decisionId, ids, ids.map((id) => weights[id]!), decision.scaleMin, decision.scaleMax, decision.weightMode === "VOTED", null,
    ),
    db.optionTally.findMany({ where: { decisionId } }),
    db.apartOptionTally.findMany({ where: { decisionId } }),
  ]);
  const storedBallots = new Set(ballots.filter((b) => !b.totalsAtRead).map((b) => b.id));
  const sumsByBallot = new Map<string, Map<string, { weightedSum: number; coverage: number }>>();
  for (const row of sums) {
    if (!storedBallots.has(row.ballotId)) continue;
    const bySum = sumsByBallot.get(row.ballotId) ?? new Map();
    bySum.set(row.optionId, { weightedSum: row.weightedSum, coverage: row.coverage });
    sumsByBallot.set(row.ballotId, bySum);
  }
  const expectedTotals = new Map<string, unknown>();
  const expectedTally = new Map<string, { voters: number; positionSum2: number }>(optionIds.map((id) => [id, { voters: 0, positionSum2: 0 }]));
  const expectedApart = new Map<string, { voters: number; positionSum2: number }>(optionIds.map((id) => [id, { voters: 0, positionSum2: 0 }]));
  for (const [ballotId, bySum] of sumsByBallot) {
    const positions = voterPositions(optionIds, bySum);
    for (const optionId of optionIds) {
      const sum = bySum.get(optionId) ?? { weightedSum: 0, coverage: 0 };
      const position2 = 2 * positions.get(optionId)!;
      expectedTotals.set(`${ballotId}/${optionId}`, { weightedSum: sum.weightedSum, coverage: sum.coverage, position2 });
      for (const tally of uncounted.has(ballotId) ? [expectedTally.get(optionId)!, expectedApart.get(optionId)!] : [expectedTally.get(optionId)!]) {
        tally.voters += 1;
        tally.positionSum2 += position2;
      }
    }
  }
  compareMaps(
    "ballot total",
    new Map(stored.map((r) => [`${r.ballotId}/${r.optionId}`, { weightedSum: r.weightedSum, coverage: r.coverage, position2: r.position2 }])),
    expectedTotals,
    differences,
  );
  const keptTally = new Map(optionIds.map((id) => [id, { voters: 0, positionSum2: 0 }]));
  for (const t of optionTallies) keptTally.set(t.optionId, { voters: t.voters, positionSum2: t.positionSum2 });
  compareMaps("option tally", keptTally, expectedTally, differences);
  const keptApart2 = new Map(optionIds.map((id) => [id, { voters: 0, positionSum2: 0 }]));
  for (const t of apartOptionTallies) keptApart2.set(t.optionId, { voters: t.voters, positionSum2: t.positionSum2 });
  compareMaps("apart option tally", keptApart2, expectedApart, differences);

  // And the result people see, from the tallies and from every score.
  const [fromTallies, fromScores] = await Promise.all([computeResultsFromTallies(db, decisionId, decision), computeResultsFromScores(db, decisionId)]);
  compareMaps("result", new Map([["", fromTallies]]), new Map([["", fromScores]]), differences);
  return { decisionId, ballots: ballots.length, differences };
}
