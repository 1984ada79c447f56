import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { requirePermission, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";

/** Makes a pending invite link useless. Only this project's links: another project's id is a 404. */
export async function revokeInvite(actor: Actor, projectId: string, inviteId: string) {
  await requirePermission(projectId, actor.userId, "members.manage");
  await getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "members.manage");
    const invite = await tx.invite.findFirst({
      where: { id: inviteId, projectId },
      select: { id: true, role: true, label: true, usedAt: true, revokedAt: true },
    });
    if (!invite) throw new AppError("not_found", "No such invite in this project.");
    if (invite.revokedAt) throw new AppError("conflict", "This invite was already revoked.");
    // Conditional on still being unused, so a revoke racing an acceptance cannot both succeed.
    const revoked = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count !== 1)
      throw new AppError("conflict", "This invite has already been used, so there is nothing to revoke.");
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "invite.revoked",
      entityType: "invite",
      entityId: invite.id,
      data: { before: { role: invite.role, ...(invite.label ? { label: invite.label } : {}) } },
    });
  });
}
