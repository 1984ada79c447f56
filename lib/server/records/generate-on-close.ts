// Closing a vote proposes its record: version 1 on the first close, a fresh version when a reopened
// vote closes again. Runs inside the closing transaction, so a close never leaves a decision without
// its record.
import "server-only";
import type { Tx } from "../../db";
import { appendAuditEvent } from "../audit";
import { draftNarrative } from "./draft-narrative";
import { gatherEvidence } from "./evidence";
import { changedFields, mergeRegenerated, publicNarrative, type StoredNarrative } from "./narrative";
import { takeRecordNumber } from "./take-record-number";
import { currentVersion, effectiveChoice, lockRecord, renderGenerated, writeVersion } from "./versions";

export async function generateRecordOnClose(
  tx: Tx,
  decisionId: string,
  actorId: string | null,
): Promise<void> {
  const evidence = await gatherEvidence(tx, decisionId);
  const draft = draftNarrative(evidence);
  const existing = await tx.decisionRecord.findUnique({
    where: { decisionId },
    select: { id: true, historical: true },
  });
  // An imported record's text is the team's own history; a vote cannot rewrite it.
  if (existing?.historical) return;
  const projectId = (
    await tx.decision.findUniqueOrThrow({ where: { id: decisionId }, select: { projectId: true } })
  ).projectId;
  // The closing transaction has just appended decision.closed and holds the project row, so its
  // head is that event. The record keeps it as an anchor outside the event table for verification.
  const head = await tx.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { auditSeq: true, auditHead: true },
  });
  const anchor = { auditHeadSeq: head.auditSeq, auditHeadHash: head.auditHead };

  if (!existing) {
    const narrative: StoredNarrative = { ...draft, chosenOptionId: null, basis: draft };
    const chosenOptionId = effectiveChoice(evidence, narrative);
    const number = await takeRecordNumber(tx, projectId);
    const record = await tx.decisionRecord.create({
      data: { decisionId, projectId, number, status: "proposed", chosenOptionId, ...anchor },
    });
    const markdown = await renderGenerated(tx, record.id, evidence, "proposed", publicNarrative(narrative));
    await writeVersion(tx, {
      recordId: record.id,
      version: 1,
      markdown,
      narrative,
      authorId: actorId,
      note: "Generated when the vote closed.",
    });
    await appendAuditEvent(tx, {
      projectId,
      actorId,
      action: "record.created",
      entityType: "record",
      entityId: record.id,
      data: {
        decisionId,
        version: 1,
        after: { number, status: "proposed", chosenOptionId, narrative: publicNarrative(narrative) },
      },
    });
    return;
  }

  const record = await lockRecord(tx, decisionId);
  const previous = await currentVersion(tx, record.id);
  const narrative = mergeRegenerated(previous.stored, draft);
  const chosenOptionId = effectiveChoice(evidence, narrative);
  const markdown = await renderGenerated(tx, record.id, evidence, "proposed", publicNarrative(narrative));
  const version = previous.version + 1;
  await writeVersion(tx, {
    recordId: record.id,
    version,
    markdown,
    narrative,
    authorId: actorId,
    note: "Regenerated when the vote closed again; fields a lead had edited were kept.",
  });
  await tx.decisionRecord.update({
    where: { id: record.id },
    data: { status: "proposed", chosenOptionId, ...anchor },
  });
  await appendAuditEvent(tx, {
    projectId,
    actorId,
    action: "record.regenerated",
    entityType: "record",
    entityId: record.id,
    data: {
      decisionId,
      version,
      before: { status: record.status, chosenOptionId: record.chosenOptionId },
      after: { status: "proposed", chosenOptionId },
      changes: changedFields(publicNarrative(previous.stored), publicNarrative(narrative)),
    },
  });
}
