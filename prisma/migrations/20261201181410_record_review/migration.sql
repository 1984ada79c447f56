-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "supersedesDecisionId" TEXT;

-- AlterTable
ALTER TABLE "DecisionRecord" ADD COLUMN     "reviewBy" DATE,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT;

