import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { postCommentSchema } from "../../schemas/comment";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";
import { decisionScope, presentOne, storeMentions } from "./shape";

/** Posts a comment or a reply in a decision's discussion, open in every state of the decision. */
export async function postComment(actor: Actor, decisionId: string, raw: unknown) {
  const db = getDb();
  const { projectId } = await decisionScope(db, decisionId, actor.userId, "discussion.post");
  const input = parseInput(postCommentSchema, raw);
  if (input.optionId && input.criterionId) {
    throw new AppError("unprocessable", "Point a comment at an option or at a criterion, not both.");
  }
  const id = await db.$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "discussion.post");
    if (input.parentId) {
      const parent = await tx.comment.findUnique({ where: { id: input.parentId }, select: { decisionId: true, parentId: true, deletedAt: true } });
      if (!parent || parent.decisionId !== decisionId) throw new AppError("unprocessable", "The comment replied to is not in this discussion.");
      if (parent.parentId) throw new AppError("unprocessable", "Reply to the thread's first comment; replies are one level deep.");
      if (parent.deletedAt) throw new AppError("conflict", "That comment was deleted; it cannot be replied to.");
    }
    if (input.optionId && !(await tx.option.findFirst({ where: { id: input.optionId, decisionId }, select: { id: true } }))) {
      throw new AppError("unprocessable", "That option is not part of this decision.");
    }
    if (input.criterionId && !(await tx.criterion.findFirst({ where: { id: input.criterionId, decisionId }, select: { id: true } }))) {
      throw new AppError("unprocessable", "That criterion is not part of this decision.");
    }
    const comment = await tx.comment.create({
      data: {
        decisionId,
        authorId: actor.userId,
        parentId: input.parentId ?? null,
        optionId: input.optionId ?? null,
        criterionId: input.criterionId ?? null,
        body: input.body,
        versions: { create: { version: 1, body: input.body, editorId: actor.userId } },
      },
      select: { id: true },
    });
    const mentions = await storeMentions(tx, projectId, comment.id, input.body);
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "comment.posted",
      entityType: "comment",
      entityId: comment.id,
      data: {
        decisionId,
        parentId: input.parentId ?? null,
        optionId: input.optionId ?? null,
        criterionId: input.criterionId ?? null,
        version: 1,
        mentions,
      },
    });
    return comment.id;
  });
  return presentOne(db, id);
}
