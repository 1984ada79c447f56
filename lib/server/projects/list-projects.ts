import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";

/** Only the projects the caller belongs to exist for them. */
export async function listProjects(actor: Actor) {
  const memberships = await getDb().membership.findMany({
    where: { userId: actor.userId },
    select: {
      role: true,
      project: {
        select: {
          id: true,
          name: true,
          description: true,
          createdAt: true,
          _count: { select: { members: true, decisions: true } },
        },
      },
    },
    orderBy: { project: { createdAt: "desc" } },
  });
  return memberships.map(({ role, project: { _count, ...project } }) => ({
    ...project,
    role,
    memberCount: _count.members,
    decisionCount: _count.decisions,
  }));
}
