import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";
import { membershipOf } from "../access";

export async function getProject(actor: Actor, projectId: string) {
  const role = await membershipOf(projectId, actor.userId);
  const project = await getDb().project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      id: true,
      name: true,
      description: true,
      recordFormat: true,
      createdAt: true,
      members: {
        select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    /** The default format of record exports: madr, log4brains or nygard (adr-tools). */
    recordFormat: project.recordFormat,
    createdAt: project.createdAt,
    role,
    members: project.members.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      joinedAt: m.createdAt,
    })),
  };
}
