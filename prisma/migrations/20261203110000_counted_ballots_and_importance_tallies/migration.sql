-- Whether a ballot counts is kept on the ballot by membership changes, so results no longer join every
-- ballot with Membership; what uncounted ballots contributed is kept in the Apart* tallies.
ALTER TABLE "Ballot" ADD COLUMN "counted" BOOLEAN NOT NULL DEFAULT true;

CREATE TABLE "ImportanceTally" (
    "decisionId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "share" DECIMAL(60,0) NOT NULL,
    "voters" INTEGER NOT NULL,

    CONSTRAINT "ImportanceTally_pkey" PRIMARY KEY ("decisionId","criterionId")
);

CREATE TABLE "ApartScoreTally" (
    "decisionId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "abstained" BOOLEAN NOT NULL,
    "value" INTEGER NOT NULL,
    "voters" INTEGER NOT NULL,

    CONSTRAINT "ApartScoreTally_pkey" PRIMARY KEY ("decisionId","optionId","criterionId","abstained","value")
);

CREATE TABLE "ApartOptionTally" (
    "decisionId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "voters" INTEGER NOT NULL,
    "positionSum2" INTEGER NOT NULL,

    CONSTRAINT "ApartOptionTally_pkey" PRIMARY KEY ("decisionId","optionId")
);

CREATE TABLE "ApartImportanceTally" (
    "decisionId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "share" DECIMAL(60,0) NOT NULL,
    "voters" INTEGER NOT NULL,

    CONSTRAINT "ApartImportanceTally_pkey" PRIMARY KEY ("decisionId","criterionId")
);

CREATE TABLE "TallyVersion" (
    "decisionId" TEXT NOT NULL,
    "writer" TEXT NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "TallyVersion_pkey" PRIMARY KEY ("decisionId","writer")
);

ALTER TABLE "ImportanceTally" ADD CONSTRAINT "ImportanceTally_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApartScoreTally" ADD CONSTRAINT "ApartScoreTally_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApartOptionTally" ADD CONSTRAINT "ApartOptionTally_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApartImportanceTally" ADD CONSTRAINT "ApartImportanceTally_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TallyVersion" ADD CONSTRAINT "TallyVersion_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The few ballots results sum at read time, found without a pass over the decision's ballots.
-- (Prisma's schema cannot say "partial"; this index is kept by hand.)
CREATE INDEX "Ballot_readTime_idx" ON "Ballot" ("decisionId") WHERE "totalsAtRead" AND "counted";

-- Backfill.
UPDATE "Ballot" b SET "counted" = EXISTS (
  SELECT 1 FROM "Decision" d JOIN "Membership" m ON m."projectId" = d."projectId"
  WHERE d.id = b."decisionId" AND m."userId" = b."voterId" AND m.role IN ('OWNER', 'LEAD', 'MEMBER'));

-- Shares exactly as lib/domain/tally.ts importanceShares computes them: importances are whole numbers
-- or multiples of 1/1024, so ×1024 they are integers and the rounding (half up) is exact in numeric.
CREATE TEMP TABLE "_share" AS
  WITH v AS (
    SELECT b."decisionId", b.counted, i."ballotId", i."criterionId", (i.value::numeric * 1024) AS v,
           sum(i.value::numeric * 1024) OVER (PARTITION BY i."ballotId") AS s
    FROM "Importance" i JOIN "Ballot" b ON b.id = i."ballotId"
  )
  SELECT "decisionId", counted, "criterionId", div(2 * v * 1152921504606846976 + s, 2 * s) AS share
  FROM v WHERE s > 0;
INSERT INTO "ImportanceTally" ("decisionId", "criterionId", share, voters)
  SELECT "decisionId", "criterionId", sum(share), count(*)::int FROM "_share" GROUP BY 1, 2;
INSERT INTO "ApartImportanceTally" ("decisionId", "criterionId", share, voters)
  SELECT "decisionId", "criterionId", sum(share), count(*)::int FROM "_share" WHERE NOT counted GROUP BY 1, 2;
DROP TABLE "_share";

INSERT INTO "ApartScoreTally" ("decisionId", "optionId", "criterionId", "abstained", "value", "voters")
SELECT b."decisionId", s."optionId", s."criterionId", s.value IS NULL, COALESCE(s.value, 0), count(*)::int
FROM "Score" s JOIN "Ballot" b ON b.id = s."ballotId"
WHERE NOT b.counted
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO "ApartOptionTally" ("decisionId", "optionId", voters, "positionSum2")
SELECT b."decisionId", t."optionId", count(*)::int, sum(t."position2")::int
FROM "BallotTotal" t JOIN "Ballot" b ON b.id = t."ballotId"
WHERE NOT b.counted
GROUP BY 1, 2;
