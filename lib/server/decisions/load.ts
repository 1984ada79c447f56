import "server-only";
import { getDb, type Tx } from "../../db";
import { AppError } from "../../errors";
import type { Permission } from "../access";
import { requirePermission } from "../access";
import { closeDecisionInTx } from "./close-decision";
import { decisionInclude } from "./shape";

/**
 * Finds a decision the caller may act on. Unknown ids and decisions of projects the caller is not
 * in are the same 404. A vote whose deadline passed is closed first, so no read shows it OPEN.
 */
export async function loadDecision(decisionId: string, userId: string, permission: Permission = "project.read") {
  const db = getDb();
  const found = await db.decision.findUnique({ where: { id: decisionId }, select: { projectId: true, status: true, deadline: true } });
  if (!found) throw new AppError("not_found", "No such decision.");
  const role = await requirePermission(found.projectId, userId, permission).catch((error: AppError) => {
    if (error.code === "not_found") throw new AppError("not_found", "No such decision.");
    throw error;
  });
  if (found.status === "OPEN" && found.deadline && found.deadline <= new Date()) {
    await closeIfExpired(decisionId);
  }
  const decision = await db.decision.findUniqueOrThrow({ where: { id: decisionId }, include: decisionInclude });
  return { decision, role };
}

/** Takes the decision's row lock for the rest of the transaction and returns its current state. */
export async function lockDecision(tx: Tx, decisionId: string) {
  const rows = await tx.$queryRaw<{ status: "DRAFT" | "OPEN" | "CLOSED"; deadline: Date | null; projectId: string }[]>`
    SELECT status, deadline, "projectId" FROM "Decision" WHERE id = ${decisionId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("not_found", "No such decision.");
  return row;
}

export async function closeIfExpired(decisionId: string): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const row = await lockDecision(tx, decisionId);
    if (row.status !== "OPEN" || !row.deadline || row.deadline > new Date()) return false;
    await closeDecisionInTx(tx, decisionId, null, { reason: "deadline" });
    return true;
  });
}

/** The periodic job: closes every vote whose deadline has passed. */
export async function closeExpiredDecisions(): Promise<number> {
  const due = await getDb().decision.findMany({
    where: { status: "OPEN", deadline: { lte: new Date() } },
    select: { id: true },
  });
  let closed = 0;
  for (const { id } of due) if (await closeIfExpired(id)) closed++;
  return closed;
}
