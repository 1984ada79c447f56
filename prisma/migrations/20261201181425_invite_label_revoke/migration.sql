-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "label" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "revokedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Invite_projectId_idx" ON "Invite"("projectId");

