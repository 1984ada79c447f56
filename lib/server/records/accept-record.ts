// Accepting a proposed record: it must name an option, and a lead's pick against the vote needs a reason.
import "server-only";
import { getDb, type Tx } from "../../db";
import { chosenOption } from "../../domain/record";
import { AppError } from "../../errors";
import { acceptRecordSchema } from "../../schemas/record";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { loadDecision } from "../decisions/load";
import { parseInput } from "../parse-input";
import { gatherEvidence } from "./evidence";
import { publicNarrative } from "./narrative";
import { getRecord } from "./get-record";
import { settleSupersede, supersedeInTx } from "./supersede-record";
import { currentVersion, lockRecord, type LockedRecord } from "./versions";
import { requireStatus, writeStatusVersion } from "./write-status-version";

export async function acceptRecord(actor: Actor, decisionId: string, raw: unknown) {
  await loadDecision(decisionId, actor.userId, "record.manage");
  const { comment } = parseInput(acceptRecordSchema, raw);
  await getDb().$transaction(async (tx) => {
    const record = await lockRecord(tx, decisionId);
    await requirePermissionInTx(tx, record.projectId, actor.userId, "record.manage");
    requireStatus(record, "proposed", "accepted");
    if (!record.historical) await requireDecidedOutcome(tx, record);
    await writeStatusVersion(tx, record, {
      to: "accepted",
      actorId: actor.userId,
      action: "record.accepted",
      note: comment ? `Accepted: ${comment}` : "Accepted.",
      data: { comment: comment ?? "", chosenOptionId: record.chosenOptionId },
    });
    await settleSupersede(tx, record, "accepted", actor.userId);
    await supersedeReviewedRecord(tx, actor, record);
  });
  return getRecord(actor, decisionId);
}

// A record can only be accepted once it names an option, and a lead's pick that overrides or breaks
// the vote (a tie, a contested result, another winner) needs the lead's reason in writing.
async function requireDecidedOutcome(tx: Tx, record: LockedRecord) {
  const evidence = await gatherEvidence(tx, record.decisionId);
  const narrative = publicNarrative((await currentVersion(tx, record.id)).stored);
  const chosen = chosenOption({ options: evidence.input.options, result: evidence.input.result, narrative });
  if (chosen.optionId === null) {
    const why = evidence.input.result.flags.includes("tie")
      ? "the vote ended in a tie"
      : evidence.input.result.flags.includes("contested")
        ? "the result is contested"
        : "no option leads";
    throw new AppError(
      "unprocessable",
      `No option is chosen because ${why}. A lead must pick one (chosenOptionId) and write the justification before the record can be accepted.`,
      { issues: [{ path: "chosenOptionId", message: "Pick the chosen option first." }] },
    );
  }
  if (chosen.reason === "lead-choice" && narrative.justification.trim() === "") {
    throw new AppError(
      "unprocessable",
      "A lead picked the chosen option over the vote's result; write the justification before accepting.",
      { issues: [{ path: "justification", message: "Say why this option was chosen." }] },
    );
  }
}

// A decision started by a record review replaces the reviewed record when its own record is
// accepted, through the same supersede a lead can do by hand. If the old record already left force
// (deprecated, or superseded by another), there is nothing left to replace.
async function supersedeReviewedRecord(tx: Tx, actor: Actor, record: LockedRecord) {
  const { supersedesDecisionId } = await tx.decision.findUniqueOrThrow({
    where: { id: record.decisionId },
    select: { supersedesDecisionId: true },
  });
  if (!supersedesDecisionId) return;
  const old = await tx.decisionRecord.findUnique({
    where: { decisionId: supersedesDecisionId },
    select: { status: true },
  });
  if (old?.status !== "accepted") return;
  await supersedeInTx(tx, {
    old: await lockRecord(tx, supersedesDecisionId),
    replacement: await lockRecord(tx, record.decisionId),
    actorId: actor.userId,
    comment: "Replaced after a review found it no longer holds.",
  });
}
