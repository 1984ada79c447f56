import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { editCommentSchema } from "../../schemas/comment";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";
import { decisionScope, presentOne, storeMentions } from "./shape";

/** Replaces a comment's body; only its author may, and every earlier body stays in its versions. */
export async function editComment(actor: Actor, decisionId: string, commentId: string, raw: unknown) {
  const db = getDb();
  const { projectId } = await decisionScope(db, decisionId, actor.userId, "discussion.post");
  const { body } = parseInput(editCommentSchema, raw);
  await db.$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "discussion.post");
    const rows = await tx.$queryRaw<{ authorId: string; decisionId: string; version: number; deletedAt: Date | null; body: string }[]>`
      SELECT "authorId", "decisionId", version, "deletedAt", body FROM "Comment" WHERE id = ${commentId} FOR UPDATE`;
    const comment = rows[0];
    if (!comment || comment.decisionId !== decisionId) throw new AppError("not_found", "No such comment.");
    if (comment.authorId !== actor.userId) throw new AppError("forbidden", "Only a comment's author can edit it.");
    if (comment.deletedAt) throw new AppError("conflict", "This comment was deleted; it cannot be edited.");
    if (comment.body === body) return;
    const version = comment.version + 1;
    await tx.comment.update({
      where: { id: commentId },
      data: { body, version, editedAt: new Date(), versions: { create: { version, body, editorId: actor.userId } } },
    });
    const mentions = await storeMentions(tx, projectId, commentId, body);
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "comment.edited",
      entityType: "comment",
      entityId: commentId,
      data: { decisionId, version, mentions },
    });
  });
  return presentOne(db, commentId);
}
