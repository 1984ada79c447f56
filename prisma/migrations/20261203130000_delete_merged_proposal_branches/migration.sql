-- AlterTable
ALTER TABLE "RecordPublication" ADD COLUMN "deletedBranch" TEXT;
