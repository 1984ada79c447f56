-- CreateTable
CREATE TABLE "ResultUncertainty" (
    "decisionId" TEXT NOT NULL,
    "stateKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResultUncertainty_pkey" PRIMARY KEY ("decisionId")
);

-- AddForeignKey
ALTER TABLE "ResultUncertainty" ADD CONSTRAINT "ResultUncertainty_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

