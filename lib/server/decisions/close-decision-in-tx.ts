// The close itself, shared by a lead's close and the deadline sweep; the caller holds the row lock.
import "server-only";
import type { Tx } from "../../db";
import { appendAuditEvent } from "../audit";
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
