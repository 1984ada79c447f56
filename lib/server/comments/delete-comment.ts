import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { can, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { decisionScope } from "./shape";

/**
 * Deletes a comment's words but not its place: the thread shows a marked gap, replies stay, and the
 * versions stay for the record. Its author may, and so may the project's owners and leads.
 */
export async function deleteComment(actor: Actor, decisionId: string, commentId: string) {
  const db = getDb();
  const { projectId } = await decisionScope(db, decisionId, actor.userId, "discussion.post");
  await db.$transaction(async (tx) => {
    const role = await requirePermissionInTx(tx, projectId, actor.userId, "discussion.post");
    const rows = await tx.$queryRaw<{ authorId: string; decisionId: string; deletedAt: Date | null }[]>`
      SELECT "authorId", "decisionId", "deletedAt" FROM "Comment" WHERE id = ${commentId} FOR UPDATE`;
    const comment = rows[0];
    if (!comment || comment.decisionId !== decisionId) throw new AppError("not_found", "No such comment.");
    if (comment.authorId !== actor.userId && !can(role, "decision.manage")) {
      throw new AppError("forbidden", "Only a comment's author, or a project's owners and leads, can delete it.");
    }
    if (comment.deletedAt) return;
    await tx.comment.update({
      where: { id: commentId },
      data: { deletedAt: new Date(), deletedById: actor.userId, body: "", cited: false },
    });
    await tx.commentMention.deleteMany({ where: { commentId } });
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "comment.deleted",
      entityType: "comment",
      entityId: commentId,
      data: { decisionId, byAuthor: comment.authorId === actor.userId },
    });
  });
}
