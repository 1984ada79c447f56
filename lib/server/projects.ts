import "server-only";
import { getDb } from "../db";
import { createProjectSchema } from "../schemas/project";
import type { Actor } from "./actor";
import { membershipOf } from "./access";
import { appendAuditEvent } from "./audit";
import { parseInput } from "./parse-input";

export async function createProject(actor: Actor, raw: unknown) {
  const input = parseInput(createProjectSchema, raw);
  return getDb().$transaction(async (tx) => {
    const project = await tx.project.create({
      data: {
        name: input.name,
        description: input.description ?? "",
        members: { create: { userId: actor.userId, role: "OWNER" } },
      },
      select: { id: true, name: true, description: true, createdAt: true },
    });
    await appendAuditEvent(tx, {
      projectId: project.id,
      actorId: actor.userId,
      action: "project.created",
      entityType: "project",
      entityId: project.id,
      data: { after: { name: project.name, description: project.description, owner: actor.userId } },
    });
    return { ...project, role: "OWNER" as const };
  });
}

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

export async function getProject(actor: Actor, projectId: string) {
  const role = await membershipOf(projectId, actor.userId);
  const project = await getDb().project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      id: true,
      name: true,
      description: true,
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
