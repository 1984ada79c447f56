-- CreateTable
CREATE TABLE "AuditSeal" (
    "projectId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "salt" TEXT NOT NULL,
    "details" JSONB NOT NULL,

    CONSTRAINT "AuditSeal_pkey" PRIMARY KEY ("projectId","seq")
);

-- AddForeignKey
ALTER TABLE "AuditSeal" ADD CONSTRAINT "AuditSeal_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sealed details belong to the append-only history as much as the events that commit to them.
CREATE TRIGGER "audit_seal_append_only"
  BEFORE UPDATE OR DELETE ON "AuditSeal"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_refuse_change"();
