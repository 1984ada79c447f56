// Shared by role changes and removals: membership changes run one at a time per project, and never
// leave it without an owner.
import "server-only";
import type { Tx } from "../../db";
import { AppError } from "../../errors";

export async function assertAnotherOwnerRemains(tx: Tx, projectId: string, userId: string, what: string) {
  const otherOwners = await tx.membership.count({ where: { projectId, role: "OWNER", userId: { not: userId } } });
  if (otherOwners === 0) {
    throw new AppError("conflict", `${what}: a project must keep at least one owner. Make someone else an owner first.`);
  }
}

export async function lockMembers(tx: Tx, projectId: string) {
  // Serializes membership changes per project so two demotions cannot both pass the owner check.
  await tx.project.update({ where: { id: projectId }, data: { auditSeq: { increment: 0 } } });
}
