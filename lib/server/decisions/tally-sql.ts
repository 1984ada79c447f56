// SQL for the maintained result tallies (ScoreTally, BallotTotal, OptionTally): the statements a ballot's
// transaction runs, and the recount from scores that checks them. Positional parameters throughout.

/**
 * The whole write of a ballot after its row is upserted, in one statement: its scores, importances and
 * totals replace the previous revision's; the tallies move by the difference; the audit event is
 * appended; the voter's draft goes. Runs after the ballot row is locked, so `old_*` (plain reads, which
 * see the statement's snapshot whatever order the parts run in) is the latest committed revision.
 *
 * Each table is replaced by an upsert of the new rows beside a delete of the rows the new revision no
 * longer has, so no two parts of the statement touch the same row and their order does not matter.
 * The deltas (−1 per old score, +1 per new one; option voters and positions likewise) are computed here
 * from old and new rows, and upserted in key order: every ballot runs this statement, so concurrent ones
 * lock tally rows in the same order and cannot deadlock.
 *
 * VOTED importance shares (ImportanceTally) move the same way, and the decision's 'ballots' TallyVersion
 * is bumped.
 *
 * Lock order: tally rows (cell, option, importance share, version), and only then the project row that orders the audit
 * chain (`project`'s WHERE reads the tally upserts' results, so they run before it locks). The event's
 * number, time and hash are computed under that lock and written in the same statement, so ballots of
 * one project are serialised on the project row from here to COMMIT only: no round trip in between.
 *
 * $1 ballot id, $2 decision id, $3 voter id; scores $4 option ids, $5 criterion ids, $6 values
 * (null = abstain), $7 rationales; importances $8 criterion ids, $9 values; totals $10 option ids,
 * $11 weighted sums, $12 coverages, $13 positions ×2; the audit event (see preparedAuditEvent):
 * $14 project id, $15 actor id, $16 action, $17 data (JSON), $18 seal salt (null: no seal), $19 sealed
 * details (JSON), $20 and $21 the hashed text before the time and between it and the number
 * → the event's seq, at and hash.
 */
export const writeBallotSql = `
  WITH old_score AS (
    SELECT "optionId" AS o, "criterionId" AS c, value AS v FROM "Score" WHERE "ballotId" = $1
  ), old_total AS (
    SELECT "optionId" AS o, "position2" AS p FROM "BallotTotal" WHERE "ballotId" = $1
  ), new_score AS (
    SELECT * FROM unnest($4::text[], $5::text[], $6::int[], $7::text[]) AS t(o, c, v, r)
  ), new_total AS (
    SELECT * FROM unnest($10::text[], $11::float8[], $12::float8[], $13::int[]) AS t(o, w, cov, p)
  ), old_importance AS (
    SELECT "criterionId" AS c, value::numeric * 1024 AS v FROM "Importance" WHERE "ballotId" = $1
  ), new_importance AS (
    SELECT c, v::numeric * 1024 AS v FROM unnest($8::text[], $9::float8[]) AS t(c, v)
  ), draft AS (
    DELETE FROM "BallotDraft" WHERE "decisionId" = $2 AND "voterId" = $3
  ), score_gone AS (
    DELETE FROM "Score" s WHERE s."ballotId" = $1
      AND NOT EXISTS (SELECT 1 FROM new_score n WHERE n.o = s."optionId" AND n.c = s."criterionId")
  ), score AS (
    INSERT INTO "Score" ("ballotId", "optionId", "criterionId", value, rationale)
    SELECT $1, o, c, v, r FROM new_score
    ON CONFLICT ("ballotId", "optionId", "criterionId") DO UPDATE SET value = EXCLUDED.value, rationale = EXCLUDED.rationale
  ), importance_gone AS (
    DELETE FROM "Importance" WHERE "ballotId" = $1 AND "criterionId" <> ALL ($8::text[])
  ), importance AS (
    INSERT INTO "Importance" ("ballotId", "criterionId", value)
    SELECT $1, c, v FROM unnest($8::text[], $9::float8[]) AS t(c, v)
    ON CONFLICT ("ballotId", "criterionId") DO UPDATE SET value = EXCLUDED.value
  ), total_gone AS (
    DELETE FROM "BallotTotal" WHERE "ballotId" = $1 AND "optionId" <> ALL ($10::text[])
  ), total AS (
    INSERT INTO "BallotTotal" ("ballotId", "optionId", "weightedSum", coverage, "position2")
    SELECT $1, o, w, cov, p FROM new_total
    ON CONFLICT ("ballotId", "optionId") DO UPDATE
    SET "weightedSum" = EXCLUDED."weightedSum", coverage = EXCLUDED.coverage, "position2" = EXCLUDED."position2"
  ), cell_delta AS (
    SELECT o, c, a, v, sum(d)::int AS d FROM (
      SELECT o, c, v IS NULL AS a, coalesce(v, 0) AS v, -1 AS d FROM old_score
      UNION ALL
      SELECT o, c, v IS NULL, coalesce(v, 0), 1 FROM new_score
    ) change GROUP BY o, c, a, v HAVING sum(d) <> 0
  ), cell AS (
    INSERT INTO "ScoreTally" ("decisionId", "optionId", "criterionId", abstained, value, voters)
    SELECT $2, o, c, a, v, d FROM cell_delta
    ORDER BY o, c, a, v
    ON CONFLICT ("decisionId", "optionId", "criterionId", abstained, value)
    DO UPDATE SET voters = "ScoreTally".voters + EXCLUDED.voters
    RETURNING 1
  ), option_delta AS (
    SELECT o, sum(n)::int AS n, sum(p)::int AS p FROM (
      SELECT o, -1 AS n, -p AS p FROM old_total
      UNION ALL
      SELECT o, 1, p FROM new_total
    ) change GROUP BY o HAVING sum(n) <> 0 OR sum(p) <> 0
  ), option AS (
    INSERT INTO "OptionTally" ("decisionId", "optionId", voters, "positionSum2")
    SELECT $2, o, n, p FROM option_delta
    ORDER BY o
    ON CONFLICT ("decisionId", "optionId")
    DO UPDATE SET voters = "OptionTally".voters + EXCLUDED.voters, "positionSum2" = "OptionTally"."positionSum2" + EXCLUDED."positionSum2"
    RETURNING 1
  ), share_part AS (
    -- VOTED: each ballot's importance shares exactly as importanceShares (lib/domain/tally.ts) computes
    -- them, for every criterion of the decision: importances are whole or multiples of 1/1024, so ×1024
    -- they are integers and the half-up rounding is exact in numeric. A ballot whose importances sum to
    -- 0 (or that has none) contributes nothing.
    SELECT k.id AS c, -1 AS sign, coalesce(o.v, 0) AS v, (SELECT sum(v) FROM old_importance) AS t
    FROM "Criterion" k LEFT JOIN old_importance o ON o.c = k.id WHERE k."decisionId" = $2
    UNION ALL
    SELECT k.id, 1, coalesce(n.v, 0), (SELECT sum(v) FROM new_importance)
    FROM "Criterion" k LEFT JOIN new_importance n ON n.c = k.id WHERE k."decisionId" = $2
  ), share_delta AS (
    SELECT c, sum(sign * div(2 * v * 1152921504606846976 + t, 2 * t)) AS s, sum(sign)::int AS n
    FROM share_part WHERE t > 0
    GROUP BY c HAVING sum(sign * div(2 * v * 1152921504606846976 + t, 2 * t)) <> 0 OR sum(sign) <> 0
  ), share AS (
    INSERT INTO "ImportanceTally" ("decisionId", "criterionId", share, voters)
    SELECT $2, c, s, n FROM share_delta
    ORDER BY c
    ON CONFLICT ("decisionId", "criterionId")
    DO UPDATE SET share = "ImportanceTally".share + EXCLUDED.share, voters = "ImportanceTally".voters + EXCLUDED.voters
    RETURNING 1
  ), version AS (
    -- The stored figures' key (uncertainty.ts): every ballot moves it.
    INSERT INTO "TallyVersion" ("decisionId", writer, version) VALUES ($2, 'ballots', 1)
    ON CONFLICT ("decisionId", writer) DO UPDATE SET version = "TallyVersion".version + 1
    RETURNING 1
  ), project AS MATERIALIZED (
    -- FOR UPDATE waits for the previous writer and then returns the row as it committed it.
    SELECT "auditSeq" + 1 AS seq, "auditHead" AS prev FROM "Project"
    WHERE id = $14
      AND (SELECT count(*) FROM cell) + (SELECT count(*) FROM option) + (SELECT count(*) FROM share) + (SELECT count(*) FROM version) >= 0
    FOR UPDATE
  ), stamp AS MATERIALIZED (
    -- Taken after the lock, so events' times follow their numbers. Written as toISOString would.
    SELECT seq, prev, date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC') AS at FROM project
  ), event AS MATERIALIZED (
    SELECT seq, prev, at,
      encode(sha256(convert_to(prev || $20 || to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || $21 || seq::text || '}', 'UTF8')), 'hex') AS hash
    FROM stamp
  ), appended AS (
    INSERT INTO "AuditEvent" ("projectId", seq, at, "actorId", action, "entityType", "entityId", data, "prevHash", hash)
    SELECT $14, seq, at, $15, $16, 'ballot', $1, $17::jsonb, prev, hash FROM event
  ), seal AS (
    INSERT INTO "AuditSeal" ("projectId", seq, salt, details)
    SELECT $14, seq, $18, $19::jsonb FROM event WHERE $18::text IS NOT NULL
  )
  UPDATE "Project" SET "auditSeq" = event.seq, "auditHead" = event.hash FROM event WHERE "Project".id = $14
  RETURNING event.seq AS "auditSeq", event.hash`;

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
