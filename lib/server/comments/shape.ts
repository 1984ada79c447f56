import "server-only";
import type { Db, Tx } from "../../db";
import { findMentions } from "../../domain/mentions";
import { AppError } from "../../errors";
import type { CommentView } from "../../schemas/comment";
import type { Permission } from "../access";
import { requirePermission } from "../access";

export const commentInclude = {
  author: { select: { id: true, name: true } },
  mentions: { select: { userId: true } },
} as const;

interface CommentRow {
  id: string;
  decisionId: string;
  parentId: string | null;
  optionId: string | null;
  criterionId: string | null;
  body: string;
  version: number;
  cited: boolean;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  author: { id: string; name: string };
  mentions: { userId: string }[];
}

/** A comment as readers see it; a deleted one keeps its place and author but not its words. */
export function presentComment(row: CommentRow, names: Map<string, string>): CommentView {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    decisionId: row.decisionId,
    parentId: row.parentId,
    optionId: row.optionId,
    criterionId: row.criterionId,
    author: row.author,
    body: deleted ? "" : row.body,
    version: row.version,
    cited: row.cited,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    mentions: deleted ? [] : row.mentions.map((m) => ({ id: m.userId, name: names.get(m.userId) ?? "" })),
  };
}

/** The members of a project, by id → name, for mentions. */
export async function memberNames(db: Db | Tx, projectId: string) {
  const members = await db.membership.findMany({ where: { projectId }, select: { user: { select: { id: true, name: true, email: true } } } });
  return members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email }));
}

/** Parses a body's mentions and replaces the comment's stored ones with them. */
export async function storeMentions(tx: Tx, projectId: string, commentId: string, body: string): Promise<string[]> {
  const mentioned = findMentions(body, await memberNames(tx, projectId));
  await tx.commentMention.deleteMany({ where: { commentId } });
  if (mentioned.length > 0) await tx.commentMention.createMany({ data: mentioned.map((userId) => ({ commentId, userId })) });
  return mentioned;
}

/**
 * The decision's project, after checking the caller's permission there. An unknown decision and a
 * project the caller is not in are the same 404.
 */
export async function decisionScope(db: Db | Tx, decisionId: string, userId: string, permission: Permission) {
  const decision = await db.decision.findUnique({ where: { id: decisionId }, select: { projectId: true } });
  if (!decision) throw new AppError("not_found", "No such decision.");
  const role = await requirePermission(decision.projectId, userId, permission, db as Tx).catch((error: AppError) => {
    throw error.code === "not_found" ? new AppError("not_found", "No such decision.") : error;
  });
  return { projectId: decision.projectId, role };
}

/** A comment of this decision, or a 404 (a comment id from another decision names nothing here). */
export async function findComment(db: Db | Tx, decisionId: string, commentId: string) {
  const comment = await db.comment.findUnique({ where: { id: commentId }, include: commentInclude });
  if (!comment || comment.decisionId !== decisionId) throw new AppError("not_found", "No such comment.");
  return comment;
}

export async function presentOne(db: Db | Tx, commentId: string) {
  const row = await db.comment.findUniqueOrThrow({ where: { id: commentId }, include: commentInclude });
  const users = await db.user.findMany({ where: { id: { in: row.mentions.map((m) => m.userId) } }, select: { id: true, name: true } });
  return presentComment(row, new Map(users.map((u) => [u.id, u.name])));
}
