// The two aggregate queries behind a decision's results, shared by the server and bench/results.
// Plain SQL text with positional parameters, so the benchmark can run exactly the same statements.
// Only ballots of current voters count: a member who was removed (or became an auditor) after voting
// is no longer among the eligible, so their ballot leaves participation and the totals alike.

/** Joined onto "Ballot" b: keeps the ballots whose voter is still a voting member of the project. */
const COUNTED_VOTER = `
  JOIN "Decision" d ON d.id = b."decisionId"
  JOIN "Membership" m ON m."projectId" = d."projectId" AND m."userId" = b."voterId"
       AND m.role IN ('OWNER', 'LEAD', 'MEMBER')`;

/** $1 decision id → one row per scored option × criterion cell. */
export const cellStatsSql = `
  SELECT s."optionId", s."criterionId",
         count(s.value)::int AS n,
         (count(*) - count(s.value))::int AS abstentions,
         avg(s.value)::float8 AS mean,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY s.value)::float8 AS median,
         stddev_pop(s.value)::float8 AS stdev,
         min(s.value)::float8 AS min,
         max(s.value)::float8 AS max
  FROM "Score" s JOIN "Ballot" b ON b.id = s."ballotId"${COUNTED_VOTER}
  WHERE b."decisionId" = $1
  GROUP BY s."optionId", s."criterionId"`;

/**
 * $1 decision id, $2 criterion ids, $3 their aggregate weights, $4 scale min, $5 scale max,
 * $6 VOTED mode → each voter's Σ W·ŝ and Σ W per option. In VOTED mode a voter is weighed by their
 * own normalized importances, or by the aggregate weights when they gave all zeros.
 */
export const voterSumsSql = `
  WITH w AS (SELECT * FROM unnest($2::text[], $3::float8[]) AS w(cid, weight)),
  own AS (
    SELECT i."ballotId", i."criterionId" AS cid,
           i.value::float8 / NULLIF(sum(i.value) OVER (PARTITION BY i."ballotId"), 0) AS weight
    FROM "Importance" i JOIN "Ballot" b ON b.id = i."ballotId"${COUNTED_VOTER}
    WHERE b."decisionId" = $1 AND $6::boolean
  )
  SELECT b."voterId", s."optionId",
         sum(COALESCE(own.weight, w.weight) * (s.value - $4::int)::float8 / ($5::int - $4::int)::float8)::float8 AS "weightedSum",
         sum(COALESCE(own.weight, w.weight))::float8 AS coverage
  FROM "Score" s
  JOIN "Ballot" b ON b.id = s."ballotId"${COUNTED_VOTER}
  JOIN w ON w.cid = s."criterionId"
  LEFT JOIN own ON own."ballotId" = s."ballotId" AND own.cid = s."criterionId"
  WHERE b."decisionId" = $1 AND s.value IS NOT NULL
  GROUP BY b."voterId", s."optionId"`;
