// Whether a ballot counts follows its voter's membership: a voter removed or made an auditor stops
// counting, and counts again on rejoining or regaining a voting role. The membership change moves the
// voter's ballots out of (or back into) the counted tallies in its own transaction, so results never
// look at memberships or at individual ballots. Ballots themselves keep ScoreTally, OptionTally and
// ImportanceTally over every ballot; the Apart* tallies hold what the uncounted ones contributed.
//
// Locks, in this order: the membership rows involved (lockMembers, FOR UPDATE: a ballot of the voter's
// holds theirs FOR SHARE to commit, so none is in flight while their ballots move), the project row,
// then the voter's ballots, the Apart* and 'members' TallyVersion rows (no other voter's ballot writes
// them). Ballots take their voter's membership row, then tally rows, then the project row, so neither
// waits on the other in a cycle.
import "server-only";
import type { Tx } from "../../db";
import { importanceShares } from "../../domain/tally";
import type { Role } from "../../generated/prisma/enums";

/** The roles whose ballots count, as in the eligible count. */
export const VOTING_ROLES: readonly Role[] = ["OWNER", "LEAD", "MEMBER"];

export const countsFor = (role: Role | null) => role !== null && VOTING_ROLES.includes(role);

type ImportanceRow = { criterionId: string; value: number };

/** Net change per criterion of one ballot's importance shares and contributing voters (VOTED). */
export function shareDeltas(criterionIds: readonly string[], before: readonly ImportanceRow[], after: readonly ImportanceRow[]) {
  const sharesOf = (rows: readonly ImportanceRow[]) => (rows.length ? importanceShares(criterionIds, Object.fromEntries(rows.map((r) => [r.criterionId, r.value]))) : null);
  const old = sharesOf(before);
  const now = sharesOf(after);
  if (!old && !now) return [];
  const voters = (now ? 1 : 0) - (old ? 1 : 0);
  return criterionIds
    .map((criterionId, i) => ({ criterionId, share: (now?.[i] ?? 0n) - (old?.[i] ?? 0n), voters }))
    .filter((d) => d.share !== 0n || d.voters !== 0)
    .map((d) => ({ ...d, share: d.share.toString() }));
}

/**
 * Makes the voter's ballots in every decision of the project count (or stop counting): adds their
 * scores, positions and importance shares to the Apart* tallies when they stop, takes them off when
 * they count again, marks the ballots and bumps each decision's 'members' TallyVersion.
 */
export async function setBallotsCounted(tx: Tx, projectId: string, userId: string, counted: boolean) {
  const ballots = await tx.$queryRawUnsafe<{ id: string; decisionId: string }[]>(
    `SELECT b.id, b."decisionId" FROM "Ballot" b JOIN "Decision" d ON d.id = b."decisionId"
     WHERE d."projectId" = $1 AND b."voterId" = $2 AND b.counted <> $3
     ORDER BY b."decisionId" FOR UPDATE OF b`,
    projectId,
    userId,
    counted,
  );
  if (ballots.length === 0) return;
  const ids = ballots.map((b) => b.id);
  const sign = counted ? -1 : 1;
  const importances = await tx.$queryRawUnsafe<{ decisionId: string; criterionIds: string[]; importances: ImportanceRow[] }[]>(
    `SELECT b."decisionId",
       (SELECT array_agg(c.id ORDER BY c.position) FROM "Criterion" c WHERE c."decisionId" = b."decisionId") AS "criterionIds",
       json_agg(json_build_object('criterionId', i."criterionId", 'value', i.value)) AS importances
     FROM "Ballot" b JOIN "Importance" i ON i."ballotId" = b.id
     WHERE b.id = ANY($1::text[]) GROUP BY b.id, b."decisionId"`,
    ids,
  );
  const shares = importances.flatMap((ballot) =>
    shareDeltas(ballot.criterionIds, [], ballot.importances).map((d) => ({ decisionId: ballot.decisionId, ...d })),
  );
  await tx.$executeRawUnsafe(
    `WITH cell AS (
       INSERT INTO "ApartScoreTally" ("decisionId", "optionId", "criterionId", abstained, value, voters)
       SELECT b."decisionId", s."optionId", s."criterionId", s.value IS NULL, COALESCE(s.value, 0), $2::int * count(*)::int
       FROM "Score" s JOIN "Ballot" b ON b.id = s."ballotId" WHERE b.id = ANY($1::text[])
       GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
       ON CONFLICT ("decisionId", "optionId", "criterionId", abstained, value)
       DO UPDATE SET voters = "ApartScoreTally".voters + EXCLUDED.voters
     ), option AS (
       INSERT INTO "ApartOptionTally" ("decisionId", "optionId", voters, "positionSum2")
       SELECT b."decisionId", t."optionId", $2::int * count(*)::int, $2::int * sum(t."position2")::int
       FROM "BallotTotal" t JOIN "Ballot" b ON b.id = t."ballotId" WHERE b.id = ANY($1::text[])
       GROUP BY 1, 2 ORDER BY 1, 2
       ON CONFLICT ("decisionId", "optionId")
       DO UPDATE SET voters = "ApartOptionTally".voters + EXCLUDED.voters, "positionSum2" = "ApartOptionTally"."positionSum2" + EXCLUDED."positionSum2"
     ), share AS (
       INSERT INTO "ApartImportanceTally" ("decisionId", "criterionId", share, voters)
       SELECT d, c, $2::int * sum(s::numeric), $2::int * sum(v)::int FROM unnest($3::text[], $4::text[], $5::text[], $6::int[]) AS t(d, c, s, v)
       GROUP BY d, c ORDER BY d, c
       ON CONFLICT ("decisionId", "criterionId")
       DO UPDATE SET share = "ApartImportanceTally".share + EXCLUDED.share, voters = "ApartImportanceTally".voters + EXCLUDED.voters
     ), version AS (
       INSERT INTO "TallyVersion" ("decisionId", writer, version)
       SELECT DISTINCT "decisionId", 'members', 1 FROM "Ballot" WHERE id = ANY($1::text[]) ORDER BY 1
       ON CONFLICT ("decisionId", writer) DO UPDATE SET version = "TallyVersion".version + 1
     )
     UPDATE "Ballot" SET counted = $7 WHERE id = ANY($1::text[])`,
    ids,
    sign,
    shares.map((s) => s.decisionId),
    shares.map((s) => s.criterionId),
    shares.map((s) => s.share),
    shares.map((s) => s.voters),
    counted,
  );
}
