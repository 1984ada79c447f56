import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Permission } from "../access";
import { assertCan } from "../access";
import { closeIfExpired } from "./close-expired";
import { decisionInclude } from "./shape";

/**
 * Finds a decision the caller may act on. Unknown ids and decisions of projects the caller is not
 * in are the same 404. A vote whose deadline passed is closed first (the one write a read makes,
 * through close-expired.ts), so no read shows it OPEN.
 *
 * One query reads the decision with the caller's membership, so a page or request pays one round trip
 * here rather than three in a row; only an expired vote is read again after its close.
 */
export async function loadDecision(
  decisionId: string,
  userId: string,
  permission: Permission = "project.read",
) {
  const db = getDb();
  const found = await db.decision.findUnique({
    where: { id: decisionId },
    include: {
      ...decisionInclude,
      project: { select: { members: { where: { userId }, select: { role: true } } } },
    },
  });
  if (!found) throw new AppError("not_found", "No such decision.");
  const { project, ...decision } = found;
  const role = project.members[0]?.role;
  if (!role) throw new AppError("not_found", "No such decision.");
  assertCan(role, permission);
  if (decision.status === "OPEN" && decision.deadline && decision.deadline <= new Date()) {
    await closeIfExpired(decisionId);
    return {
      decision: await db.decision.findUniqueOrThrow({ where: { id: decisionId }, include: decisionInclude }),
      role,
    };
  }
  return { decision, role };
}
