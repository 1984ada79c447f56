import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "../db";
import { sealCommitment } from "../domain/audit-seal";
import { hashEvent } from "../domain/hash-chain";
import { enqueueRecordPublication } from "./git/enqueue";

export interface AuditInput {
  projectId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  /**
   * Details members may not read yet (a voter's ballot details while a blind vote is open). Stored
   * beside the event; the hashed data gets `sealed`, a salted commitment to them.
   */
  sealed?: Record<string, unknown>;
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
  const opening = input.sealed && {
    salt: randomBytes(16).toString("hex"),
    details: JSON.parse(JSON.stringify(input.sealed)) as Record<string, unknown>,
  };
  if (opening) data.sealed = sealCommitment(opening);
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
  if (opening) {
    await tx.auditSeal.create({
      data: {
        projectId: input.projectId,
        seq: project.auditSeq,
        salt: opening.salt,
        details: opening.details as object,
      },
    });
  }
  await tx.project.update({ where: { id: input.projectId }, data: { auditHead: hash } });
  // A record's text changed: its file is queued for the project's repository in this same transaction.
  if (input.entityType === "record") await enqueueRecordPublication(tx, { ...input, data });
  return { seq: project.auditSeq, hash };
}
