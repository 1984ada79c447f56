// A record's status changes: accept or reject a proposed record, deprecate an accepted one. Each is
// a new version whose Markdown differs only in its status line; the narrative is never touched.
import "server-only";
import { getDb, type Tx } from "../../db";
import { chosenOption } from "../../domain/record";
import { AppError } from "../../errors";
import { acceptRecordSchema, deprecateRecordSchema, rejectRecordSchema } from "../../schemas/record";
import type { Actor } from "../actor";
import { appendAuditEvent } from "../audit";
import { loadDecision } from "../decisions/load";
import { parseInput } from "../parse-input";
import { gatherEvidence, recordLinks } from "./evidence";
import { publicNarrative } from "./narrative";
import { getRecord } from "./read-record";
import { restatusMarkdown } from "./restatus-markdown";
import { currentVersion, lockRecord, writeVersion, type LockedRecord } from "./versions";

/**
 * Writes the next version with a new status line (and the current links), updates the record's
 * status and appends the audit event, all in the caller's transaction.
 */
export async function writeStatusVersion(
  tx: Tx,
  record: LockedRecord,
  change: {
    to: string;
    actorId: string | null;
    action: string;
    note: string;
    data?: Record<string, unknown>;
  },
) {
  const previous = await currentVersion(tx, record.id);
  const links = await recordLinks(tx, record.id);
  const markdown = restatusMarkdown(previous.markdown, change.to, links);
  const version = previous.version + 1;
  await writeVersion(tx, {
    recordId: record.id,
    version,
    markdown,
    narrative: previous.stored,
    authorId: change.actorId,
    note: change.note,
  });
  await tx.decisionRecord.update({ where: { id: record.id }, data: { status: change.to } });
  await appendAuditEvent(tx, {
    projectId: record.projectId,
    actorId: change.actorId,
    action: change.action,
    entityType: "record",
    entityId: record.id,
    data: {
      decisionId: record.decisionId,
      version,
      before: { status: record.status },
      after: { status: change.to },
      ...change.data,
    },
  });
  return version;
}

function requireStatus(record: LockedRecord, allowed: string, doing: string) {
  if (record.status !== allowed) {
    throw new AppError(
      "conflict",
      `This record is ${record.status}; only a ${allowed} record can be ${doing}.`,
    );
  }
}

export async function acceptRecord(actor: Actor, decisionId: string, raw: unknown) {
  await loadDecision(decisionId, actor.userId, "record.manage");
  const { comment } = parseInput(acceptRecordSchema, raw);
  await getDb().$transaction(async (tx) => {
    const record = await lockRecord(tx, decisionId);
    requireStatus(record, "proposed", "accepted");
    if (!record.historical) await requireDecidedOutcome(tx, record);
    await writeStatusVersion(tx, record, {
      to: "accepted",
      actorId: actor.userId,
      action: "record.accepted",
      note: comment ? `Accepted: ${comment}` : "Accepted.",
      data: { comment: comment ?? "", chosenOptionId: record.chosenOptionId },
    });
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

export async function rejectRecord(actor: Actor, decisionId: string, raw: unknown) {
  await loadDecision(decisionId, actor.userId, "record.manage");
  const { comment } = parseInput(rejectRecordSchema, raw);
  await getDb().$transaction(async (tx) => {
    const record = await lockRecord(tx, decisionId);
    requireStatus(record, "proposed", "rejected");
    await writeStatusVersion(tx, record, {
      to: "rejected",
      actorId: actor.userId,
      action: "record.rejected",
      note: `Rejected: ${comment}`,
      data: { comment },
    });
  });
  return getRecord(actor, decisionId);
}

export async function deprecateRecord(actor: Actor, decisionId: string, raw: unknown) {
  await loadDecision(decisionId, actor.userId, "record.manage");
  const { comment } = parseInput(deprecateRecordSchema, raw);
  await getDb().$transaction(async (tx) => {
    const record = await lockRecord(tx, decisionId);
    requireStatus(record, "accepted", "deprecated");
    await writeStatusVersion(tx, record, {
      to: "deprecated",
      actorId: actor.userId,
      action: "record.deprecated",
      note: comment ? `Deprecated: ${comment}` : "Deprecated.",
      data: { comment: comment ?? "" },
    });
  });
  return getRecord(actor, decisionId);
}
