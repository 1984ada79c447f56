// Shared by role changes and removals: membership changes run one at a time per project, and never
// leave it without an owner.
import "server-only";
import type { Tx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { AppError } from "../../errors";

export async function assertAnotherOwnerRemains(tx: Tx, projectId: string, userId: string, what: string) {
  const otherOwners = await tx.membership.count({ where: { projectId, role: "OWNER", userId: { not: userId } } });
  if (otherOwners === 0) {
    throw new AppError("conflict", `${what}: a project must keep at least one owner. Make someone else an owner first.`);
  }
}

/**
 * Locks the memberships a change touches (the caller's and the person's), then the project row. The
 * rows come first because every write takes them in that order (its role re-check, then its audit
 * event): taking the project row first would let a write holding a share of the person's row wait on
 * the project row while this change waits on that share. Sorted by user id, so two owners acting on
 * each other at once queue instead of deadlocking.
 */
export async function lockMembers(tx: Tx, projectId: string, userIds: string[]) {
  await tx.$queryRaw`
    SELECT 1 FROM "Membership" WHERE "projectId" = ${projectId} AND "userId" IN (${Prisma.join(userIds)})
    ORDER BY "userId" FOR UPDATE`;
  // Serializes membership changes per project so two demotions cannot both pass the owner check.
  await tx.project.update({ where: { id: projectId }, data: { auditSeq: { increment: 0 } } });
}
