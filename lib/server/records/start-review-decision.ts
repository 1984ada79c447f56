// A review that finds an accepted record no longer holds starts a new decision, prefilled from the
// old one, that supersedes the old record once its own record is accepted (accept-record.ts).
import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { createDecisionSchema } from "../../schemas/decision";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { insertDecision } from "../decisions/create-decision";
import { loadDecision } from "../decisions/load";
import { decisionKey, type DecisionRow } from "../decisions/shape";
import { parseInput } from "../parse-input";
import { lockRecord } from "./versions";
import { requireStatus } from "./write-status-version";

// Imported records bring no criteria; a decision needs one to be saved, and the lead renames it.
const PLACEHOLDER_CRITERION = {
  name: "Still the right choice?",
  description: "Replace with the criteria that matter today.",
};

export async function startReviewDecision(actor: Actor, decisionId: string) {
  const { decision: old } = await loadDecision(decisionId, actor.userId, "record.manage");
  const input = parseInput(createDecisionSchema, prefill(old));
  return getDb().$transaction(async (tx) => {
    const record = await lockRecord(tx, decisionId);
    await requirePermissionInTx(tx, record.projectId, actor.userId, "decision.manage");
    requireStatus(record, "accepted", "reviewed with a new decision");
    const pending = await tx.decision.findFirst({
      where: {
        projectId: record.projectId,
        supersedesDecisionId: decisionId,
        OR: [{ record: null }, { record: { status: { not: "rejected" } } }],
      },
      select: { number: true },
    });
    if (pending) {
      throw new AppError(
        "conflict",
        `${decisionKey(pending.number)} already reviews this record; finish or reject it before starting another.`,
      );
    }
    const created = await insertDecision(tx, actor, record.projectId, input, decisionId);
    await appendAuditEvent(tx, {
      projectId: record.projectId,
      actorId: actor.userId,
      action: "record.review_started",
      entityType: "record",
      entityId: record.id,
      data: { decisionId, replacement: { decisionId: created.id, number: created.number } },
    });
    return created;
  });
}

function prefill(old: DecisionRow) {
  return {
    title: old.title,
    context: old.context,
    scale: { min: old.scaleMin, max: old.scaleMax },
    weightMode: old.weightMode,
    revealPolicy: old.revealPolicy,
    ...(old.weightMode === "FIXED" ? { weightBand: old.weightBand } : {}),
    options: old.options.map((o) => ({ name: o.name, description: o.description, link: o.link ?? "" })),
    criteria:
      old.criteria.length > 0
        ? old.criteria.map((c) => ({ name: c.name, description: c.description, weight: c.weight }))
        : [PLACEHOLDER_CRITERION],
  };
}
