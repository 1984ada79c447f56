import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { reopenSchema } from "../../schemas/decision";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";
import { loadDecision } from "./load";
import { lockDecision } from "./lock-decision";
import { decisionInclude, presentDecision } from "./shape";

export async function reopenDecision(actor: Actor, decisionId: string, raw: unknown) {
  await loadDecision(decisionId, actor.userId, "decision.manage");
  const { reason } = parseInput(reopenSchema, raw);
  return getDb().$transaction(async (tx) => {
    const state = await lockDecision(tx, decisionId);
    await requirePermissionInTx(tx, state.projectId, actor.userId, "decision.manage");
    if (state.status !== "CLOSED") throw new AppError("conflict", `The decision is ${state.status}; only a CLOSED vote can be reopened.`);
    const record = await tx.decisionRecord.findUnique({ where: { decisionId }, select: { status: true, historical: true } });
    if (record?.historical) throw new AppError("conflict", "This record was imported from history; there is no vote to reopen.");
    if (record && record.status !== "proposed" && record.status !== "rejected") {
      throw new AppError("conflict", `The decision record is ${record.status}; an accepted record's vote cannot be reopened.`);
    }
    const decision = await tx.decision.update({
      where: { id: decisionId },
      // A deadline that has passed would close the vote again at once.
      data: { status: "OPEN", closedAt: null, closedById: null, deadline: state.deadline && state.deadline <= new Date() ? null : undefined },
      include: decisionInclude,
    });
    await appendAuditEvent(tx, {
      projectId: state.projectId,
      actorId: actor.userId,
      action: "decision.reopened",
      entityType: "decision",
      entityId: decisionId,
      data: { before: { status: "CLOSED" }, after: { status: "OPEN" }, reason },
    });
    return presentDecision(decision);
  });
}
