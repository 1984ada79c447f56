-- AlterTable
ALTER TABLE "DecisionRecord" ADD COLUMN     "auditHeadHash" TEXT,
ADD COLUMN     "auditHeadSeq" INTEGER;

-- Records written before this column existed printed the head hash in their markdown; that text is
-- the only copy kept outside the event table, so it becomes the anchor. Its seq is not known, so
-- verification only asks that the hash appears somewhere in the chain.
UPDATE "DecisionRecord" AS r
SET "auditHeadHash" = latest.hash
FROM (
  SELECT DISTINCT ON ("recordId")
    "recordId",
    substring(markdown FROM 'Audit chain head hash at close: `([0-9a-f]{64})`') AS hash
  FROM "RecordVersion"
  WHERE markdown ~ 'Audit chain head hash at close: `[0-9a-f]{64}`'
  ORDER BY "recordId", version DESC
) AS latest
WHERE latest."recordId" = r.id AND r.historical = false;
