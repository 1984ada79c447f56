import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";
import { requirePermission } from "../access";

/** Links that can still be used: not accepted, not revoked, not expired. Owners only, like inviting. */
export async function listPendingInvites(actor: Actor, projectId: string) {
  await requirePermission(projectId, actor.userId, "members.manage");
  const invites = await getDb().invite.findMany({
    where: { projectId, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, role: true, label: true, createdAt: true, expiresAt: true, createdById: true },
    orderBy: { createdAt: "desc" },
  });
  const creators = await getDb().user.findMany({
    where: { id: { in: [...new Set(invites.map((invite) => invite.createdById))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(creators.map((user) => [user.id, user.name]));
  return invites.map(({ createdById, ...invite }) => ({
    ...invite,
    createdBy: { id: createdById, name: nameOf.get(createdById) ?? "Deleted account" },
  }));
}
