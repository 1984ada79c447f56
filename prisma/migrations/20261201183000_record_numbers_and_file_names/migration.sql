-- Records get their own ADR number and a fixed file name; existing rows keep the number their
-- decision gave them, and the project's next record number starts above every record it holds.
ALTER TABLE "Project" ADD COLUMN     "nextRecordNumber" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "recordFormat" TEXT NOT NULL DEFAULT 'madr';

ALTER TABLE "DecisionRecord" ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "importedFrom" TEXT,
ADD COLUMN     "number" INTEGER,
ADD COLUMN     "projectId" TEXT,
ADD COLUMN     "title" TEXT;

UPDATE "DecisionRecord" r SET "number" = d."number", "projectId" = d."projectId"
FROM "Decision" d WHERE d."id" = r."decisionId";

ALTER TABLE "DecisionRecord" ALTER COLUMN "number" SET NOT NULL,
ALTER COLUMN "projectId" SET NOT NULL;

UPDATE "Project" p SET "nextRecordNumber" = m."next"
FROM (SELECT "projectId", MAX("number") + 1 AS "next" FROM "DecisionRecord" GROUP BY "projectId") m
WHERE m."projectId" = p."id";

-- CreateIndex
CREATE UNIQUE INDEX "DecisionRecord_projectId_number_key" ON "DecisionRecord"("projectId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionRecord_projectId_fileName_key" ON "DecisionRecord"("projectId", "fileName");

-- AddForeignKey
ALTER TABLE "DecisionRecord" ADD CONSTRAINT "DecisionRecord_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
