import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { citeCommentSchema } from "../../schemas/comment";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";
import { decisionScope, presentOne } from "./shape";

/** Owners and leads mark a comment cited: the record's More Information lists it with a link. */
export async function citeComment(actor: Actor, decisionId: string, commentId: string, raw: unknown) {
  const db = getDb();
  const { projectId } = await decisionScope(db, decisionId, actor.userId, "decision.manage");
  const { cited } = parseInput(citeCommentSchema, raw);
  await db.$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "decision.manage");
    const rows = await tx.$queryRaw<{ decisionId: string; deletedAt: Date | null; cited: boolean }[]>`
      SELECT "decisionId", "deletedAt", cited FROM "Comment" WHERE id = ${commentId} FOR UPDATE`;
    const comment = rows[0];
    if (!comment || comment.decisionId !== decisionId) throw new AppError("not_found", "No such comment.");
    if (comment.deletedAt) throw new AppError("conflict", "A deleted comment cannot be cited.");
    if (comment.cited === cited) return;
    await tx.comment.update({ where: { id: commentId }, data: { cited } });
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: cited ? "comment.cited" : "comment.uncited",
      entityType: "comment",
      entityId: commentId,
      data: { decisionId },
    });
  });
  return presentOne(db, commentId);
}
