-- AlterTable
ALTER TABLE "Ballot" ADD COLUMN     "totalsAtRead" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ScoreTally" (
    "decisionId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "abstained" BOOLEAN NOT NULL,
    "value" INTEGER NOT NULL,
    "voters" INTEGER NOT NULL,

    CONSTRAINT "ScoreTally_pkey" PRIMARY KEY ("decisionId","optionId","criterionId","abstained","value")
);

-- CreateTable
CREATE TABLE "BallotTotal" (
    "ballotId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "weightedSum" DOUBLE PRECISION NOT NULL,
    "coverage" DOUBLE PRECISION NOT NULL,
    "position2" INTEGER NOT NULL,

    CONSTRAINT "BallotTotal_pkey" PRIMARY KEY ("ballotId","optionId")
);

-- CreateTable
CREATE TABLE "OptionTally" (
    "decisionId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "voters" INTEGER NOT NULL,
    "positionSum2" INTEGER NOT NULL,

    CONSTRAINT "OptionTally_pkey" PRIMARY KEY ("decisionId","optionId")
);

-- AddForeignKey
ALTER TABLE "ScoreTally" ADD CONSTRAINT "ScoreTally_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotTotal" ADD CONSTRAINT "BallotTotal_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptionTally" ADD CONSTRAINT "OptionTally_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: every existing ballot's scores into the cell tallies, so existing results stay correct.
INSERT INTO "ScoreTally" ("decisionId", "optionId", "criterionId", "abstained", "value", "voters")
SELECT b."decisionId", s."optionId", s."criterionId", s.value IS NULL, COALESCE(s.value, 0), count(*)::int
FROM "Score" s JOIN "Ballot" b ON b.id = s."ballotId"
GROUP BY b."decisionId", s."optionId", s."criterionId", s.value IS NULL, COALESCE(s.value, 0);

-- Existing ballots have no stored totals yet: results compute theirs from their scores until the
-- voter revises the ballot (or `npm run results:recount -- --decision <id> --fix` stores them).
UPDATE "Ballot" SET "totalsAtRead" = true;
