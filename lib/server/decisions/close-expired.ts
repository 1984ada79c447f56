// Closing votes whose deadline has passed: one decision before it is read, one project's before its
// list is shown, or every project from the periodic job. The only place a deadline turns into a close.
import "server-only";
import { getDb } from "../../db";
import { closeDecisionInTx } from "./close-decision-in-tx";
import { lockDecision } from "./lock-decision";

/** Closes the decision if its deadline has passed and it is still OPEN; true when this call closed it. */
export async function closeIfExpired(decisionId: string): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const row = await lockDecision(tx, decisionId);
    if (row.status !== "OPEN" || !row.deadline || row.deadline > new Date()) return false;
    await closeDecisionInTx(tx, decisionId, null, { reason: "deadline" });
    return true;
  });
}

/** Closes every expired vote of one project, or of all projects when none is named (the periodic job). */
export async function closeExpiredDecisions(scope: { projectId?: string } = {}): Promise<number> {
  const due = await getDb().decision.findMany({
    where: { status: "OPEN", deadline: { lte: new Date() }, ...(scope.projectId ? { projectId: scope.projectId } : {}) },
    select: { id: true },
  });
  let closed = 0;
  for (const { id } of due) if (await closeIfExpired(id)) closed++;
  return closed;
}
