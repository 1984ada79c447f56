import "server-only";
import { getDb } from "../../db";
import { createProjectSchema } from "../../schemas/project";
import type { Actor } from "../actor";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";

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
