import "server-only";
import { getDb, type Tx } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { appendAuditEvent } from "../audit";
import { lockDecision, loadDecision } from "./load";
import { decisionInclude, presentDecision } from "./shape";
import { generateRecordOnClose } from "../records/generate-on-close";

export async function closeDecisionInTx(tx: Tx, decisionId: string, actorId: string | null, why: { reason: "lead" | "deadline" }) {
  const decision = await tx.decision.update({
    where: { id: decisionId },
    data: { status: "CLOSED", closedAt: new Date(), closedById: actorId },
    select: { projectId: true, _count: { select: { ballots: true } } },
  });
  await appendAuditEvent(tx, {
    projectId: decision.projectId,
    actorId,
    action: "decision.closed",
    entityType: "decision",
    entityId: decisionId,
    data: { before: { status: "OPEN" }, after: { status: "CLOSED" }, reason: why.reason, ballots: decision._count.ballots },
  });
  // The record is written in the same transaction: a closed vote never lacks its record.
  await generateRecordOnClose(tx, decisionId, actorId);
}

export async function closeDecision(actor: Actor, decisionId: string) {
  await loadDecision(decisionId, actor.userId, "decision.manage");
  return getDb().$transaction(async (tx) => {
    const state = await lockDecision(tx, decisionId);
    if (state.status !== "OPEN") throw new AppError("conflict", `The decision is ${state.status}; only an OPEN vote can be closed.`);
    await closeDecisionInTx(tx, decisionId, actor.userId, { reason: "lead" });
    return presentDecision(await tx.decision.findUniqueOrThrow({ where: { id: decisionId }, include: decisionInclude }));
  });
}
