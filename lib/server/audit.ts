import "server-only";
import type { Tx } from "../db";
import { hashEvent } from "../domain/hash-chain";

export interface AuditInput {
  projectId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
}

/**
 * Appends one event to the project's chain. Must run inside the transaction that makes the change:
 * the project row update takes a row lock, so concurrent writers get consecutive sequence numbers.
 */
export async function appendAuditEvent(tx: Tx, input: AuditInput) {
  const project = await tx.project.update({
    where: { id: input.projectId },
    data: { auditSeq: { increment: 1 } },
    select: { auditSeq: true, auditHead: true },
  });
  const at = new Date();
  const data = JSON.parse(JSON.stringify(input.data)) as Record<string, unknown>;
  const body = {
    projectId: input.projectId,
    seq: project.auditSeq,
    at: at.toISOString(),
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    data,
  };
  const hash = hashEvent(project.auditHead, body);
  await tx.auditEvent.create({
    data: { ...body, at, data: data as object, prevHash: project.auditHead, hash },
  });
  await tx.project.update({ where: { id: input.projectId }, data: { auditHead: hash } });
  return { seq: project.auditSeq, hash };
}
