// An accepted record replaced by a newer decision's record: linked both ways, both files say so.
import "server-only";
import { getDb, type Tx } from "../../db";
import { AppError } from "../../errors";
import { supersedeRecordSchema, type SupersedeInput } from "../../schemas/record";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { loadDecision } from "../decisions/load";
import { decisionKey } from "../decisions/shape";
import { parseInput } from "../parse-input";
import { writeStatusVersion } from "./write-status-version";
import { getRecord } from "./get-record";
import { lockRecord } from "./versions";

const CAN_SUPERSEDE = new Set(["proposed", "accepted"]);

/** Called on the OLD decision: `{byDecisionId}` or `{byNumber}` names the newer one. */
export async function supersedeRecord(actor: Actor, decisionId: string, raw: unknown) {
  const { decision } = await loadDecision(decisionId, actor.userId, "record.manage");
  const input = parseInput(supersedeRecordSchema, raw);
  await getDb().$transaction((tx) => supersedeInTx(tx, actor, decision.projectId, decisionId, input));
  return getRecord(actor, decisionId);
}

/**
 * The supersede itself, in the caller's transaction: also run when a decision started by a record
 * review has its record accepted (accept-record.ts).
 */
export async function supersedeInTx(
  tx: Tx,
  actor: Actor,
  projectId: string,
  decisionId: string,
  input: SupersedeInput,
) {
  const newer = await tx.decision.findFirst({
    where: {
      projectId,
      ...("byDecisionId" in input ? { id: input.byDecisionId } : { number: input.byNumber }),
    },
    select: { id: true, number: true },
  });
  if (!newer) {
    const named = "byDecisionId" in input ? `decision ${input.byDecisionId}` : decisionKey(input.byNumber);
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
  const replacement = locked.get(newer.id)!;
  if (old.status !== "accepted") {
    throw new AppError(
      "conflict",
      `This record is ${old.status}; only an accepted record can be superseded.`,
    );
  }
  if (!CAN_SUPERSEDE.has(replacement.status)) {
    throw new AppError(
      "conflict",
      `${decisionKey(newer.number)}'s record is ${replacement.status}; only a proposed or accepted record can supersede another.`,
    );
  }
  const newerKey = decisionKey(newer.number);
  await tx.decisionRecord.update({ where: { id: old.id }, data: { supersededById: replacement.id } });
  await tx.decisionRecord.update({ where: { id: replacement.id }, data: { supersedesId: old.id } });
  await writeStatusVersion(tx, old, {
    to: `superseded by ${newerKey}`,
    actorId: actor.userId,
    action: "record.superseded",
    note: `Superseded by ${newerKey}.${input.comment ? ` ${input.comment}` : ""}`,
    data: {
      by: { decisionId: newer.id, number: newer.number, recordId: replacement.id },
      comment: input.comment ?? "",
    },
  });
  await writeStatusVersion(tx, replacement, {
    to: replacement.status,
    actorId: actor.userId,
    action: "record.supersedes",
    note: `Supersedes ${decisionKey(old.number)}.`,
    data: { supersedes: { decisionId, number: old.number, recordId: old.id } },
  });
}
