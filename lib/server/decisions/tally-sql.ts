// SQL for the maintained result tallies (ScoreTally, BallotTotal, OptionTally): the statements a ballot's
// transaction runs, and the recount from scores that checks them. Positional parameters throughout.

/**
 * $1 ballot id, $2 decision id, $3 voter id → the ballot's previous scores (kind 'score'), stored
 * totals (kind 'total', value = position ×2) and importances (kind 'importance'), deleted along with the
 * voter's draft. Runs after the ballot row is locked, so it sees the latest committed revision.
 */
export const clearBallotSql = `
  WITH draft AS (DELETE FROM "BallotDraft" WHERE "decisionId" = $2 AND "voterId" = $3),
       importance AS (DELETE FROM "Importance" WHERE "ballotId" = $1 RETURNING "criterionId", value),
       score AS (DELETE FROM "Score" WHERE "ballotId" = $1 RETURNING "optionId", "criterionId", value),
       total AS (DELETE FROM "BallotTotal" WHERE "ballotId" = $1 RETURNING "optionId", "position2")
  SELECT 'score' AS kind, "optionId", "criterionId", value FROM score
  UNION ALL
  SELECT 'total' AS kind, "optionId", NULL AS "criterionId", "position2" AS value FROM total
  UNION ALL
  SELECT 'importance' AS kind, NULL AS "optionId", "criterionId", value FROM importance`;

/**
 * Writes the new ballot's rows, adds the cell and option deltas and reserves the project's next audit
 * sequence number, in one statement: everything that takes a lock other ballots also want (tally rows,
 * the project row) happens here, so from the first such lock to commit there is only this statement,
 * the audit event's and COMMIT.
 * $1 ballot id, $2 decision id; scores $3 option ids, $4 criterion ids, $5 values (null = abstain),
 * $6 rationales; importances $7 criterion ids, $8 values; totals $9 option ids, $10 weighted sums,
 * $11 coverages, $12 positions ×2; cell deltas $13 option ids, $14 criterion ids, $15 abstained, $16 values,
 * $17 change in voters; option deltas $18 option ids, $19 change in voters, $20 change in position sums ×2;
 * $21 project id; importance share deltas (VOTED) $22 criterion ids, $23 change in shares (integers as
 * text), $24 change in voters → the reserved audit sequence number and the chain's previous head (see
 * audit.ts). Every ballot also bumps the decision's 'ballots' TallyVersion, the stored figures' key.
 * Deltas are upserted in key order, and every ballot runs this same statement, so concurrent ballots
 * lock tally rows and the project row in the same order and cannot deadlock.
 */
export const writeBallotSql = `
  WITH score AS (
    INSERT INTO "Score" ("ballotId", "optionId", "criterionId", value, rationale)
    SELECT $1, o, c, v, r FROM unnest($3::text[], $4::text[], $5::int[], $6::text[]) AS t(o, c, v, r)
  ), importance AS (
    INSERT INTO "Importance" ("ballotId", "criterionId", value)
    SELECT $1, c, v FROM unnest($7::text[], $8::float8[]) AS t(c, v)
  ), total AS (
    INSERT INTO "BallotTotal" ("ballotId", "optionId", "weightedSum", coverage, "position2")
    SELECT $1, o, w, cov, p FROM unnest($9::text[], $10::float8[], $11::float8[], $12::int[]) AS t(o, w, cov, p)
  ), cell AS (
    INSERT INTO "ScoreTally" ("decisionId", "optionId", "criterionId", abstained, value, voters)
    SELECT $2, o, c, a, v, d FROM unnest($13::text[], $14::text[], $15::boolean[], $16::int[], $17::int[]) AS t(o, c, a, v, d)
    ORDER BY o, c, a, v
    ON CONFLICT ("decisionId", "optionId", "criterionId", abstained, value)
    DO UPDATE SET voters = "ScoreTally".voters + EXCLUDED.voters
  ), option AS (
    INSERT INTO "OptionTally" ("decisionId", "optionId", voters, "positionSum2")
    SELECT $2, o, v, p FROM unnest($18::text[], $19::int[], $20::int[]) AS t(o, v, p)
    ORDER BY o
    ON CONFLICT ("decisionId", "optionId")
    DO UPDATE SET voters = "OptionTally".voters + EXCLUDED.voters, "positionSum2" = "OptionTally"."positionSum2" + EXCLUDED."positionSum2"
  ), share AS (
    INSERT INTO "ImportanceTally" ("decisionId", "criterionId", share, voters)
    SELECT $2, c, s::numeric, v FROM unnest($22::text[], $23::text[], $24::int[]) AS t(c, s, v)
    ORDER BY c
    ON CONFLICT ("decisionId", "criterionId")
    DO UPDATE SET share = "ImportanceTally".share + EXCLUDED.share, voters = "ImportanceTally".voters + EXCLUDED.voters
  ), version AS (
    INSERT INTO "TallyVersion" ("decisionId", writer, version) VALUES ($2, 'ballots', 1)
    ON CONFLICT ("decisionId", writer) DO UPDATE SET version = "TallyVersion".version + 1
  )
  UPDATE "Project" SET "auditSeq" = "auditSeq" + 1 WHERE id = $21 RETURNING "auditSeq", "auditHead"`;

/** $1 decision id → the maintained histogram rows with voters. */
export const readScoreTallySql = `
  SELECT "optionId", "criterionId", abstained, value, voters FROM "ScoreTally"
  WHERE "decisionId" = $1 AND voters <> 0`;

/**
 * $1 decision id → the same histogram, counted from every score (the recount); with $2 false, from the
 * scores of ballots that do not count now (what ApartScoreTally must hold).
 */
export const recountScoreTallySql = `
  SELECT s."optionId", s."criterionId", s.value IS NULL AS abstained, COALESCE(s.value, 0) AS value, count(*)::int AS voters
  FROM "Score" s JOIN "Ballot" b ON b.id = s."ballotId"
  WHERE b."decisionId" = $1 AND ($2::boolean IS NULL OR b.counted = $2::boolean)
  GROUP BY 1, 2, 3, 4`;

/** $1 decision id → the apart histogram rows with voters, negated: added to readScoreTallySql's, the counted cells. */
export const readApartScoreTallySql = `
  SELECT "optionId", "criterionId", abstained, value, -voters AS voters FROM "ApartScoreTally"
  WHERE "decisionId" = $1 AND voters <> 0`;

/** $1 decision id → per option, the counted ballots and their positions ×2: OptionTally less ApartOptionTally. */
export const readOptionTallySql = `
  SELECT t."optionId", (t.voters - COALESCE(a.voters, 0))::int AS voters, (t."positionSum2" - COALESCE(a."positionSum2", 0))::int AS "positionSum2"
  FROM "OptionTally" t LEFT JOIN "ApartOptionTally" a ON a."decisionId" = t."decisionId" AND a."optionId" = t."optionId"
  WHERE t."decisionId" = $1`;

/** $1 decision id → per criterion, the counted voters' summed importance shares (as text) and how many voters. */
export const readImportanceTallySql = `
  SELECT t."criterionId", (t.share - COALESCE(a.share, 0))::text AS share, (t.voters - COALESCE(a.voters, 0))::int AS voters
  FROM "ImportanceTally" t LEFT JOIN "ApartImportanceTally" a ON a."decisionId" = t."decisionId" AND a."criterionId" = t."criterionId"
  WHERE t."decisionId" = $1`;

/** $1 decision id → the counted ballots whose totals are summed at read time (a partial index finds them). */
export const readTimeBallotsSql = `
  SELECT id FROM "Ballot" WHERE "decisionId" = $1 AND "totalsAtRead" AND counted`;

/** $1 decision id → both TallyVersion counters, the stored figures' key for the counted ballots. */
export const readTallyVersionSql = `
  SELECT writer, version FROM "TallyVersion" WHERE "decisionId" = $1`;

/**
 * $1 decision id, $2 criterion ids, $3 their weights, $4 scale min, $5 scale max, $6 VOTED mode, $7 only
 * these ballot ids (null: every ballot) → each ballot's Σ W·ŝ and Σ W per option, summed over criteria in the
 * decision's order exactly as lib/domain/tally.ts does, so stored and recounted figures agree to the bit.
 * In VOTED mode a ballot whose importances sum above 0 weighs by them (a criterion it left out weighs 0);
 * any other ballot weighs by $3.
 */
export const recountBallotSumsSql = `
  WITH w AS (SELECT * FROM unnest($2::text[], $3::float8[]) WITH ORDINALITY AS w(cid, weight, ord)),
  given AS (
    SELECT i."ballotId", sum(i.value) AS total
    FROM "Importance" i JOIN "Ballot" b ON b.id = i."ballotId"
    WHERE b."decisionId" = $1 AND $6::boolean
    GROUP BY i."ballotId"
  ),
  own AS (
    SELECT i."ballotId", i."criterionId" AS cid, i.value::float8 / given.total::float8 AS weight
    FROM "Importance" i JOIN given ON given."ballotId" = i."ballotId"
    WHERE given.total > 0
  ),
  cell AS (
    SELECT b.id AS "ballotId", b."voterId", s."optionId", w.ord, s.value,
           CASE WHEN given.total > 0 THEN COALESCE(own.weight, 0::float8) ELSE w.weight END AS weight
    FROM "Score" s
    JOIN "Ballot" b ON b.id = s."ballotId"
    JOIN w ON w.cid = s."criterionId"
    LEFT JOIN given ON given."ballotId" = s."ballotId"
    LEFT JOIN own ON own."ballotId" = s."ballotId" AND own.cid = s."criterionId"
    WHERE b."decisionId" = $1 AND s.value IS NOT NULL AND ($7::text[] IS NULL OR b.id = ANY($7::text[]))
  )
  SELECT "ballotId", "voterId", "optionId",
         sum(weight * ((value - $4::int)::float8 / ($5::int - $4::int)::float8) ORDER BY ord)::float8 AS "weightedSum",
         sum(weight ORDER BY ord)::float8 AS coverage
  FROM cell
  GROUP BY "ballotId", "voterId", "optionId"`;
