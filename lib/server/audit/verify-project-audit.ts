import "server-only";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { verifyAuditChain, type AuditVerification } from "./verify-chain";

/** The verify endpoint and page: any member may check that the history was not altered. */
export async function verifyProjectAudit(actor: Actor, projectId: string): Promise<AuditVerification> {
  await requirePermission(projectId, actor.userId, "audit.read");
  return verifyAuditChain(projectId);
}
