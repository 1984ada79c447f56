import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { appendAuditEvent } from "../audit";
import { hashToken } from "../token-hash";
import { countsFor, setBallotsCounted } from "../decisions/counted-ballots";

export async function acceptInvite(actor: Actor, token: string) {
  return getDb().$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!invite) throw new AppError("not_found", "This invite link is not valid.");
    if (invite.revokedAt) throw new AppError("conflict", "This invite link was revoked. Ask an owner for a new one.");
    if (invite.usedAt) throw new AppError("conflict", "This invite link has already been used. Ask an owner for a new one.");
    if (invite.expiresAt < new Date()) throw new AppError("conflict", "This invite link has expired. Ask an owner for a new one.");
    const existing = await tx.membership.findUnique({
      where: { projectId_userId: { projectId: invite.projectId, userId: actor.userId } },
    });
    if (existing) throw new AppError("conflict", `You are already a member of this project (${existing.role}).`);
    // Claiming the invite first makes a second, concurrent acceptance fail instead of adding twice.
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null },
      data: { usedAt: new Date(), usedById: actor.userId },
    });
    if (claimed.count !== 1) throw new AppError("conflict", "This invite link has already been used.");
    await tx.membership.create({ data: { projectId: invite.projectId, userId: actor.userId, role: invite.role } });
    // Someone rejoining with a voting role: the ballots they cast before count again.
    await setBallotsCounted(tx, invite.projectId, actor.userId, countsFor(invite.role));
    await appendAuditEvent(tx, {
      projectId: invite.projectId,
      actorId: actor.userId,
      action: "member.joined",
      entityType: "member",
      entityId: actor.userId,
      data: { inviteId: invite.id, after: { role: invite.role } },
    });
    return { projectId: invite.projectId, role: invite.role };
  });
}
