// One record replacing another, and the only place that decides when that takes effect: an accepted
// successor supersedes at once; a proposed one only names its predecessor, and the supersede happens
// when it is accepted (settleSupersede, called by accept and reject). A rejected successor leaves its
// predecessor as it was.
import "server-only";
import { getDb, type Tx } from "../../db";
import { recordKey } from "../../domain/slug";
import { AppError } from "../../errors";
import { supersedeRecordSchema } from "../../schemas/record";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { loadDecision } from "../decisions/load";
import { parseInput } from "../parse-input";
import { fixFileNames } from "./fix-file-names";
import { getRecord } from "./get-record";
import { lockRecord, type LockedRecord } from "./versions";
import { writeStatusVersion } from "./write-status-version";

/** Called on the OLD decision: `{byDecisionId}` or `{byNumber}` (the newer record's ADR number). */
export async function supersedeRecord(actor: Actor, decisionId: string, raw: unknown) {
  const { decision } = await loadDecision(decisionId, actor.userId, "record.manage");
  const input = parseInput(supersedeRecordSchema, raw);
  await getDb().$transaction(async (tx) => {
    const newer = await tx.decision.findFirst({
      where: {
        projectId: decision.projectId,
        ...("byDecisionId" in input
          ? { id: input.byDecisionId }
          : { record: { is: { number: input.byNumber } } }),
      },
      select: { id: true },
    });
    if (!newer) {
      const named = "byDecisionId" in input ? `decision ${input.byDecisionId}` : recordKey(input.byNumber);
      throw new AppError("unprocessable", `There is no ${named} in this project to supersede this record.`, {
        issues: [
          {
            path: "byDecisionId" in input ? "byDecisionId" : "byNumber",
            message: "Name a decision of this project.",
          },
        ],
      });
    }
    if (newer.id === decisionId) {
      throw new AppError("unprocessable", "A record cannot supersede itself; name the newer decision.");
    }
    // Lock both records in one order, so two supersedes crossing each other cannot deadlock.
    const [first, second] = [decisionId, newer.id].sort();
    const locked = new Map([
      [first!, await lockRecord(tx, first!)],
      [second!, await lockRecord(tx, second!)],
    ]);
    const old = locked.get(decisionId)!;
    await requirePermissionInTx(tx, old.projectId, actor.userId, "record.manage");
    await supersedeInTx(tx, { old, replacement: locked.get(newer.id)!, actorId: actor.userId, comment: input.comment ?? "" });
  });
  return getRecord(actor, decisionId);
}

/**
 * Links `replacement` as the successor of the accepted record `old`, both locked by the caller. An
 * accepted successor supersedes now; a proposed one waits for its acceptance. For any caller that
 * starts a successor (e.g. a review that opens a new decision), once its record exists.
 */
export async function supersedeInTx(
  tx: Tx,
  input: { old: LockedRecord; replacement: LockedRecord; actorId: string | null; comment: string },
) {
  const { old, replacement, actorId, comment } = input;
  if (old.status !== "accepted") {
    throw new AppError("conflict", `This record is ${old.status}; only an accepted record can be superseded.`);
  }
  if (replacement.status !== "accepted" && replacement.status !== "proposed") {
    throw new AppError(
      "conflict",
      `${recordKey(replacement.number)}'s record is ${replacement.status}; only an accepted record supersedes ` +
        `another (a proposed one does when it is accepted).`,
    );
  }
  if (replacement.supersedesId !== null && replacement.supersedesId !== old.id && replacement.status === "proposed") {
    throw new AppError(
      "conflict",
      `${recordKey(replacement.number)} is already set to supersede another record once it is accepted.`,
    );
  }
  await tx.decisionRecord.update({ where: { id: replacement.id }, data: { supersedesId: old.id } });
  if (replacement.status === "proposed") {
    await appendAuditEvent(tx, {
      projectId: old.projectId,
      actorId,
      action: "record.supersede_pending",
      entityType: "record",
      entityId: replacement.id,
      data: {
        decisionId: replacement.decisionId,
        supersedes: { decisionId: old.decisionId, number: old.number, recordId: old.id },
        comment,
      },
    });
    return;
  }
  await applySupersede(tx, old, replacement, actorId, comment);
}

/**
 * Settles a proposed record's pending supersede when its own status changes: accepted, it now
 * supersedes its predecessor (if that is still accepted); rejected, the link is dropped and the
 * predecessor stays as it was. Called inside the accept or reject transaction, after the status change.
 */
export async function settleSupersede(tx: Tx, successor: LockedRecord, outcome: "accepted" | "rejected", actorId: string | null) {
  if (successor.supersedesId === null) return;
  const pending = await tx.decisionRecord.findUnique({
    where: { id: successor.supersedesId },
    select: { decisionId: true, supersededById: true },
  });
  if (!pending || pending.supersededById !== null) return;
  const old = await lockRecord(tx, pending.decisionId);
  if (outcome === "rejected" || old.status !== "accepted") {
    await tx.decisionRecord.update({ where: { id: successor.id }, data: { supersedesId: null } });
    await appendAuditEvent(tx, {
      projectId: old.projectId,
      actorId,
      action: "record.supersede_dropped",
      entityType: "record",
      entityId: successor.id,
      data: {
        decisionId: successor.decisionId,
        supersedes: { decisionId: old.decisionId, number: old.number, recordId: old.id },
        reason: outcome === "rejected" ? "the successor was rejected" : `the older record is ${old.status}`,
      },
    });
    return;
  }
  const replacement = await lockRecord(tx, successor.decisionId);
  await applySupersede(tx, old, replacement, actorId, "");
}

// Both files name each other by their (now fixed) file names, and both get a version saying so.
async function applySupersede(tx: Tx, old: LockedRecord, replacement: LockedRecord, actorId: string | null, comment: string) {
  await fixFileNames(tx, old.projectId, actorId, [old.id, replacement.id]);
  const newerKey = recordKey(replacement.number);
  await tx.decisionRecord.update({ where: { id: old.id }, data: { supersededById: replacement.id } });
  await tx.decisionRecord.update({ where: { id: replacement.id }, data: { supersedesId: old.id } });
  await writeStatusVersion(tx, old, {
    to: `superseded by ${newerKey}`,
    actorId,
    action: "record.superseded",
    note: `Superseded by ${newerKey}.${comment ? ` ${comment}` : ""}`,
    data: {
      by: { decisionId: replacement.decisionId, number: replacement.number, recordId: replacement.id },
      comment,
    },
  });
  await writeStatusVersion(tx, replacement, {
    to: replacement.status,
    actorId,
    action: "record.supersedes",
    note: `Supersedes ${recordKey(old.number)}.`,
    data: { supersedes: { decisionId: old.decisionId, number: old.number, recordId: old.id } },
  });
}
