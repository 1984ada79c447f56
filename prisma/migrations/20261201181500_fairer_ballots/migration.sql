-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "importancesFirst" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "requireRationaleAtExtremes" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "scoringStartedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Ballot" ADD COLUMN     "pairwise" JSONB;

-- AlterTable
ALTER TABLE "Importance" ALTER COLUMN "value" SET DATA TYPE DOUBLE PRECISION;

