import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Permission } from "../access";
import { requirePermission } from "../access";
import { closeIfExpired } from "./close-expired";
import { decisionInclude } from "./shape";

/**
 * Finds a decision the caller may act on. Unknown ids and decisions of projects the caller is not
 * in are the same 404. A vote whose deadline passed is closed first (the one write a read makes,
 * through close-expired.ts), so no read shows it OPEN.
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
