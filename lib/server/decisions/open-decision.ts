import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { loadDecision } from "./load";
import { lockDecision } from "./lock-decision";
import { decisionInclude, presentDecision } from "./shape";

export async function openDecision(actor: Actor, decisionId: string) {
  await loadDecision(decisionId, actor.userId, "decision.manage");
  return getDb().$transaction(async (tx) => {
    const state = await lockDecision(tx, decisionId);
    await requirePermissionInTx(tx, state.projectId, actor.userId, "decision.manage");
    if (state.status !== "DRAFT") throw new AppError("conflict", `The decision is already ${state.status}; only a DRAFT can be opened.`);
    const counts = await tx.decision.findUniqueOrThrow({
      where: { id: decisionId },
      select: { _count: { select: { options: true, criteria: true } } },
    });
    if (counts._count.options < 2 || counts._count.criteria < 1) {
      throw new AppError("unprocessable", "Opening a vote needs at least 2 options and 1 criterion.", {
        issues: [{ path: "options", message: `${counts._count.options} option(s), ${counts._count.criteria} criterion(a)` }],
      });
    }
    if (state.deadline && state.deadline <= new Date()) {
      throw new AppError("unprocessable", "The deadline is in the past. Move it or clear it before opening.", {
        issues: [{ path: "deadline", message: "in the past" }],
      });
    }
    const decision = await tx.decision.update({
      where: { id: decisionId },
      data: { status: "OPEN", openedAt: new Date() },
      include: decisionInclude,
    });
    await appendAuditEvent(tx, {
      projectId: state.projectId,
      actorId: actor.userId,
      action: "decision.opened",
      entityType: "decision",
      entityId: decisionId,
      data: { before: { status: "DRAFT" }, after: { status: "OPEN" } },
    });
    return presentDecision(decision);
  });
}
