import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { membershipOf, requirePermission, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { assertAnotherOwnerRemains, lockMembers } from "./owner-guard";
import { setBallotsCounted } from "../decisions/counted-ballots";

export async function removeMember(actor: Actor, projectId: string, userId: string) {
  await requirePermission(projectId, actor.userId, "members.manage");
  await getDb().$transaction(async (tx) => {
    await lockMembers(tx, projectId, [actor.userId, userId]);
    // Their ballots stop counting in this same transaction; rolled back with it if a check below fails.
    await setBallotsCounted(tx, projectId, userId, false);
    await requirePermissionInTx(tx, projectId, actor.userId, "members.manage");
    const before = await membershipOf(projectId, userId, tx).catch(() => {
      throw new AppError("not_found", "This person is not a member of the project.");
    });
    if (before === "OWNER") await assertAnotherOwnerRemains(tx, projectId, userId, "Cannot remove the last owner");
    await tx.membership.delete({ where: { projectId_userId: { projectId, userId } } });
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "member.removed",
      entityType: "member",
      entityId: userId,
      data: { before: { role: before } },
    });
  });
}
