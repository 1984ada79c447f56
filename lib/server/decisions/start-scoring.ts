import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { loadDecision } from "./load";
import { lockDecision } from "./lock-decision";
import { decisionInclude, presentDecision } from "./shape";

/**
 * Ends the importances-first phase of an OPEN VOTED decision: from now on voters score, and the
 * importances they gave stay as they were. Under the decision's row lock, so no ballot straddles it.
 */
export async function startScoring(actor: Actor, decisionId: string) {
  await loadDecision(decisionId, actor.userId, "decision.manage");
  return getDb().$transaction(async (tx) => {
    const state = await lockDecision(tx, decisionId);
    await requirePermissionInTx(tx, state.projectId, actor.userId, "decision.manage");
    const current = await tx.decision.findUniqueOrThrow({
      where: { id: decisionId },
      select: { weightMode: true, importancesFirst: true, scoringStartedAt: true },
    });
    if (current.weightMode !== "VOTED" || !current.importancesFirst) {
      throw new AppError(
        "conflict",
        "This decision does not ask for importances first: scoring is already open.",
      );
    }
    if (state.status !== "OPEN")
      throw new AppError(
        "conflict",
        `Scoring starts while the vote is OPEN; the decision is ${state.status}.`,
      );
    if (current.scoringStartedAt) throw new AppError("conflict", "Scoring has already started.");
    const decision = await tx.decision.update({
      where: { id: decisionId },
      data: { scoringStartedAt: new Date() },
      include: decisionInclude,
    });
    await appendAuditEvent(tx, {
      projectId: state.projectId,
      actorId: actor.userId,
      action: "decision.scoring_started",
      entityType: "decision",
      entityId: decisionId,
      data: { before: { phase: "importances" }, after: { phase: "scoring" } },
    });
    return presentDecision(decision);
  });
}
