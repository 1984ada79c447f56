-- CreateTable
CREATE TABLE "RepositoryConnection" (
    "projectId" TEXT NOT NULL,
    "remoteUrl" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "folder" TEXT NOT NULL,
    "proposedBranches" BOOLEAN NOT NULL DEFAULT false,
    "credentialsCipher" TEXT,
    "leaseHolder" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RepositoryConnection_pkey" PRIMARY KEY ("projectId")
);

-- CreateTable
CREATE TABLE "RecordPublication" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "projectId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "change" TEXT NOT NULL,
    "actorId" TEXT,
    "overwrite" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "branch" TEXT,
    "path" TEXT,
    "commitId" TEXT,
    "error" TEXT,
    "remoteText" TEXT,
    "verdictText" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attemptedAt" TIMESTAMP(3),

    CONSTRAINT "RecordPublication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedFile" (
    "projectId" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "blobId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublishedFile_pkey" PRIMARY KEY ("projectId","branch","path")
);

-- CreateIndex
CREATE INDEX "RecordPublication_projectId_status_seq_idx" ON "RecordPublication"("projectId", "status", "seq");

-- CreateIndex
CREATE INDEX "RecordPublication_recordId_seq_idx" ON "RecordPublication"("recordId", "seq");

-- AddForeignKey
ALTER TABLE "RepositoryConnection" ADD CONSTRAINT "RepositoryConnection_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordPublication" ADD CONSTRAINT "RecordPublication_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordPublication" ADD CONSTRAINT "RecordPublication_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "DecisionRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedFile" ADD CONSTRAINT "PublishedFile_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

