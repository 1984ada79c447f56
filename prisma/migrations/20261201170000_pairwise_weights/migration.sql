-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "pairwise" JSONB;

