// The reads behind a result's uncertainty figures, beside results-sql.ts and with the same rule: only
// ballots whose voter is still a voting member count (Ballot.counted, kept by membership changes).

const COUNTED_VOTER = ` AND b.counted`;

/**
 * $1 decision id → how many voters gave each value in each cell. Its size is bounded by
 * cells × scale values, whatever the number of voters; rank acceptability bootstraps small cells from it.
 */
export const cellHistogramSql = `
  SELECT s."optionId", s."criterionId", s.value::int AS value, count(*)::int AS count
  FROM "Score" s JOIN "Ballot" b ON b.id = s."ballotId"${COUNTED_VOTER}
  WHERE b."decisionId" = $1 AND s.value IS NOT NULL
  GROUP BY s."optionId", s."criterionId", s.value`;

/**
 * $1 decision id → every counted score with its voter, for leave-one-out. This one is O(scores): each
 * voter's own scores are what has to be taken back out of the cells, so there is no summary to read.
 */
export const voterScoresSql = `
  SELECT b."voterId", s."optionId", s."criterionId", s.value::int AS value
  FROM "Score" s JOIN "Ballot" b ON b.id = s."ballotId"${COUNTED_VOTER}
  WHERE b."decisionId" = $1 AND s.value IS NOT NULL
  ORDER BY b."voterId"`;

/** $1 decision id → the counted ballots, for the seed and for naming pivotal voters. */
export const countedBallotsSql = `
  SELECT b.id, b."voterId", b.revision::int AS revision, u.name AS "voterName"
  FROM "Ballot" b JOIN "User" u ON u.id = b."voterId"${COUNTED_VOTER}
  WHERE b."decisionId" = $1
  ORDER BY b.id`;

/** $1 decision id → the stored figures and the key of the state they were computed from. */
export const readStoredUncertaintySql = `
  SELECT "stateKey", payload FROM "ResultUncertainty" WHERE "decisionId" = $1`;

/** $1 decision id, $2 state key, $3 figures as JSON: stores freshly computed figures, replacing stale ones. */
export const storeUncertaintySql = `
  INSERT INTO "ResultUncertainty" ("decisionId", "stateKey", payload, "updatedAt")
  VALUES ($1, $2, $3::jsonb, now())
  ON CONFLICT ("decisionId") DO UPDATE
  SET "stateKey" = EXCLUDED."stateKey", payload = EXCLUDED.payload, "updatedAt" = EXCLUDED."updatedAt"`;
