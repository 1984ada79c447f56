import "server-only";
import { getDb } from "../../db";
import type { CommentView } from "../../schemas/comment";
import type { Actor } from "../actor";
import { commentInclude, decisionScope, presentComment } from "./shape";

/** A decision's discussion, oldest first; replies carry their parent's id. Every role may read it. */
export async function listComments(actor: Actor, decisionId: string): Promise<{ comments: CommentView[] }> {
  const db = getDb();
  await decisionScope(db, decisionId, actor.userId, "project.read");
  const rows = await db.comment.findMany({ where: { decisionId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: commentInclude });
  const mentioned = [...new Set(rows.flatMap((row) => row.mentions.map((m) => m.userId)))];
  const users = mentioned.length ? await db.user.findMany({ where: { id: { in: mentioned } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return { comments: rows.map((row) => presentComment(row, names)) };
}
