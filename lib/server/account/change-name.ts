import "server-only";
import { getDb } from "../../db";
import { changeNameSchema } from "../../schemas/account";
import type { Actor } from "../actor";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";

/**
 * Changes the caller's display name. Histories show people by their current name, so each project
 * they belong to records the rename: an auditor can still tell who "Dana" was before.
 */
export async function changeName(actor: Actor, raw: unknown) {
  const { name } = parseInput(changeNameSchema, raw);
  return getDb().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
    if (before.name === name) return { name };
    await tx.user.update({ where: { id: actor.userId }, data: { name } });
    // Project rows are locked in id order (appendAuditEvent locks each), so two renames cannot deadlock.
    const memberships = await tx.membership.findMany({
      where: { userId: actor.userId },
      select: { projectId: true },
      orderBy: { projectId: "asc" },
    });
    for (const { projectId } of memberships) {
      await appendAuditEvent(tx, {
        projectId,
        actorId: actor.userId,
        action: "member.renamed",
        entityType: "member",
        entityId: actor.userId,
        data: { before: { name: before.name }, after: { name } },
      });
    }
    return { name };
  });
}
