import "server-only";
import { auditVerifyQuerySchema } from "../../schemas/audit";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { parseInput } from "../parse-input";
import type { AuditVerification } from "../../schemas/responses";
import { verifyAuditChain } from "./verify-chain";

/**
 * The verify endpoint and page: any member may check that the history was not altered, optionally
 * against a checkpoint they kept (`?checkpointSeq=&checkpointHash=`).
 */
export async function verifyProjectAudit(
  actor: Actor,
  projectId: string,
  raw: unknown = {},
): Promise<AuditVerification> {
  const query = parseInput(auditVerifyQuerySchema, raw);
  await requirePermission(projectId, actor.userId, "audit.read");
  const checkpoint =
    query.checkpointSeq !== undefined && query.checkpointHash !== undefined
      ? { seq: query.checkpointSeq, hash: query.checkpointHash }
      : undefined;
  return verifyAuditChain(projectId, { checkpoint });
}
