import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { changeRoleSchema } from "../../schemas/project";
import type { Actor } from "../actor";
import { membershipOf, requirePermission, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";
import { assertAnotherOwnerRemains, lockMembers } from "./owner-guard";
import { countsFor, setBallotsCounted } from "../decisions/counted-ballots";

export async function changeMemberRole(actor: Actor, projectId: string, userId: string, raw: unknown) {
  await requirePermission(projectId, actor.userId, "members.manage");
  const { role } = parseInput(changeRoleSchema, raw);
  return getDb().$transaction(async (tx) => {
    await lockMembers(tx, projectId, [actor.userId, userId]);
    // Their ballots stop (or start again) counting in this same transaction, after the locks above.
    await setBallotsCounted(tx, projectId, userId, countsFor(role));
    await requirePermissionInTx(tx, projectId, actor.userId, "members.manage");
    const before = await membershipOf(projectId, userId, tx).catch(() => {
      throw new AppError("not_found", "This person is not a member of the project.");
    });
    if (before === role) return { userId, role };
    if (before === "OWNER") await assertAnotherOwnerRemains(tx, projectId, userId, "Cannot change the last owner's role");
    await tx.membership.update({ where: { projectId_userId: { projectId, userId } }, data: { role } });
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "member.role_changed",
      entityType: "member",
      entityId: userId,
      data: { before: { role: before }, after: { role } },
    });
    return { userId, role };
  });
}
