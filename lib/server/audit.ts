import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { sealCommitment } from "../domain/audit-seal";
import { hashedTextAround, hashEvent } from "../domain/hash-chain";
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

/** The project's next sequence number, taken under its row lock, and the chain's head before it. */
export interface ReservedSeq {
  auditSeq: number;
  auditHead: string;
}

/**
 * $1 project id → the reserved sequence number and the previous head. The row lock it takes orders
 * concurrent writers, so they get consecutive numbers; it is held to the end of the transaction.
 */
const reserveAuditSeqSql = `UPDATE "Project" SET "auditSeq" = "auditSeq" + 1 WHERE id = $1 RETURNING "auditSeq", "auditHead"`;

/**
 * $1 project id, $2 seq, $3 at (ISO), $4 actor id, $5 action, $6 entity type, $7 entity id, $8 data
 * (JSON), $9 previous hash, $10 hash, $11 seal salt (null: no seal), $12 sealed details (JSON) → the event,
 * its seal and the new chain head, in one statement.
 */
const writeAuditEventSql = `
  WITH event AS (
    INSERT INTO "AuditEvent" ("projectId", seq, at, "actorId", action, "entityType", "entityId", data, "prevHash", hash)
    VALUES ($1, $2, $3::timestamp(3), $4, $5, $6, $7, $8::jsonb, $9, $10)
  ), seal AS (
    INSERT INTO "AuditSeal" ("projectId", seq, salt, details)
    SELECT $1, $2, $11, $12::jsonb WHERE $11::text IS NOT NULL
  )
  UPDATE "Project" SET "auditHead" = $10 WHERE id = $1`;

/**
 * Appends one event to the project's chain. Must run inside the transaction that makes the change:
 * the project row update takes a row lock, so concurrent writers get consecutive sequence numbers.
 * Two statements: reserve the number, then write event, seal and head together (the lock is held from
 * the first to commit, so every statement after it lengthens the queue of writers in this project).
 */
export async function appendAuditEvent(tx: Tx, input: AuditInput) {
  const [project] = await tx.$queryRawUnsafe<ReservedSeq[]>(reserveAuditSeqSql, input.projectId);
  if (!project) throw new AppError("not_found", "No such project.");
  return writeAuditEvent(tx, input, project);
}

/** The event's data as hashed (with the seal's commitment when some details are sealed) and the seal's opening. */
function sealData(input: AuditInput) {
  const data = JSON.parse(JSON.stringify(input.data)) as Record<string, unknown>;
  const opening = input.sealed && {
    salt: randomBytes(16).toString("hex"),
    details: JSON.parse(JSON.stringify(input.sealed)) as Record<string, unknown>,
  };
  if (opening) data.sealed = sealCommitment(opening);
  return { data, opening };
}

/**
 * An event for a statement that writes it under the project row lock it takes itself (a ballot's one
 * write statement, tally-sql.ts): the database fills in the sequence number, the time and the hash,
 * from the text around them (see hashedTextAround), so the lock is held for no round trip but COMMIT's.
 */
export function preparedAuditEvent(input: AuditInput) {
  const { data, opening } = sealData(input);
  const { before, between } = hashedTextAround({
    projectId: input.projectId,
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    data,
  });
  return {
    data: JSON.stringify(data),
    salt: opening ? opening.salt : null,
    details: opening ? JSON.stringify(opening.details) : null,
    hashedBefore: before,
    hashedBetween: between,
  };
}

/** The rest of appendAuditEvent, for a caller that already reserved the sequence number. */
export async function writeAuditEvent(tx: Tx, input: AuditInput, project: ReservedSeq) {
  const at = new Date();
  const { data, opening } = sealData(input);
  const seq = Number(project.auditSeq);
  const body = {
    projectId: input.projectId,
    seq,
    at: at.toISOString(),
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    data,
  };
  const hash = hashEvent(project.auditHead, body);
  await tx.$executeRawUnsafe(
    writeAuditEventSql,
    input.projectId,
    seq,
    body.at,
    input.actorId,
    input.action,
    input.entityType,
    input.entityId,
    JSON.stringify(data),
    project.auditHead,
    hash,
    opening ? opening.salt : null,
    opening ? JSON.stringify(opening.details) : null,
  );
  // A record's text changed: its file is queued for the project's repository in this same transaction.
  if (input.entityType === "record") await enqueueRecordPublication(tx, { ...input, data });
  return { seq, hash };
}
