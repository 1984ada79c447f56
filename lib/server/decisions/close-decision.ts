import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { closeDecisionInTx } from "./close-decision-in-tx";
import { loadDecision } from "./load";
import { lockDecision } from "./lock-decision";
import { decisionInclude, presentDecision } from "./shape";

export async function closeDecision(actor: Actor, decisionId: string) {
  await loadDecision(decisionId, actor.userId, "decision.manage");
  return getDb().$transaction(async (tx) => {
    const state = await lockDecision(tx, decisionId);
    await requirePermissionInTx(tx, state.projectId, actor.userId, "decision.manage");
    if (state.status !== "OPEN") throw new AppError("conflict", `The decision is ${state.status}; only an OPEN vote can be closed.`);
    await closeDecisionInTx(tx, decisionId, actor.userId, { reason: "lead" });
    return presentDecision(await tx.decision.findUniqueOrThrow({ where: { id: decisionId }, include: decisionInclude }));
  });
}
