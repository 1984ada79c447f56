// A lead's edit of a proposed record's narrative: every save is a new version with its author.
import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { narrativePatchSchema, NARRATIVE_FIELDS } from "../../schemas/record";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { loadDecision } from "../decisions/load";
import { parseInput } from "../parse-input";
import { gatherEvidence } from "./evidence";
import { changedFields, publicNarrative, type StoredNarrative } from "./narrative";
import { getRecord } from "./get-record";
import { currentVersion, effectiveChoice, lockRecord, renderGenerated, writeVersion } from "./versions";

export async function saveNarrative(actor: Actor, decisionId: string, raw: unknown) {
  const { decision } = await loadDecision(decisionId, actor.userId, "record.manage");
  const patch = parseInput(narrativePatchSchema, raw);
  if (patch.chosenOptionId && !decision.options.some((o) => o.id === patch.chosenOptionId)) {
    throw new AppError("unprocessable", "chosenOptionId is not one of this decision's options.", {
      issues: [
        {
          path: "chosenOptionId",
          message: "Pick one of the decision's options, or null to let the vote decide.",
        },
      ],
    });
  }
  await getDb().$transaction(async (tx) => {
    const record = await lockRecord(tx, decisionId);
    await requirePermissionInTx(tx, record.projectId, actor.userId, "record.manage");
    if (record.historical) {
      throw new AppError(
        "conflict",
        "This record was imported: its text is kept as it was written. Change its status instead.",
      );
    }
    if (record.status !== "proposed") {
      throw new AppError(
        "conflict",
        record.status === "rejected"
          ? "This record was rejected. Reopen the vote to propose a new version when it closes again."
          : `This record is ${record.status}: an accepted record's text never changes.`,
      );
    }
    const previous = await currentVersion(tx, record.id);
    const narrative: StoredNarrative = { ...previous.stored };
    for (const field of NARRATIVE_FIELDS) {
      const value = patch[field];
      if (value !== undefined) narrative[field] = value.replace(/\r\n?/g, "\n");
    }
    if (patch.chosenOptionId !== undefined) narrative.chosenOptionId = patch.chosenOptionId;
    const changes = changedFields(publicNarrative(previous.stored), publicNarrative(narrative));
    const titles = await tx.decisionRecord.findUniqueOrThrow({ where: { id: record.id }, select: { title: true } });
    const newTitle = patch.title === undefined ? titles.title : patch.title === "" || patch.title === decision.title ? null : patch.title;
    const titleChanged = newTitle !== titles.title;
    if (titleChanged) {
      await tx.decisionRecord.update({ where: { id: record.id }, data: { title: newTitle } });
    }
    if (changes.length === 0 && !titleChanged) {
      throw new AppError(
        "unprocessable",
        "Nothing to save: the narrative is the same as the current version.",
      );
    }
    const evidence = await gatherEvidence(tx, decisionId);
    const chosenOptionId = effectiveChoice(evidence, narrative);
    const markdown = await renderGenerated(
      tx,
      record.id,
      evidence,
      record.status,
      publicNarrative(narrative),
    );
    const version = previous.version + 1;
    await writeVersion(tx, {
      recordId: record.id,
      version,
      markdown,
      narrative,
      authorId: actor.userId,
      note: patch.note ?? "",
    });
    await tx.decisionRecord.update({ where: { id: record.id }, data: { chosenOptionId } });
    await appendAuditEvent(tx, {
      projectId: record.projectId,
      actorId: actor.userId,
      action: "record.revised",
      entityType: "record",
      entityId: record.id,
      data: {
        decisionId,
        version,
        note: patch.note ?? "",
        changed: [...changes.map((c) => c.field), ...(titleChanged ? ["title"] : [])],
        diff: {
          ...Object.fromEntries(changes.map((c) => [c.field, { before: c.before, after: c.after }])),
          ...(titleChanged
            ? { title: { before: titles.title ?? decision.title, after: newTitle ?? decision.title } }
            : {}),
        },
      },
    });
  });
  return getRecord(actor, decisionId);
}
