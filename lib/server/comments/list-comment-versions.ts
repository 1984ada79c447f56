import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";
import { decisionScope, findComment } from "./shape";

/** Every body a comment has had. A deleted comment's history stays in the database, not on show. */
export async function listCommentVersions(actor: Actor, decisionId: string, commentId: string) {
  const db = getDb();
  await decisionScope(db, decisionId, actor.userId, "project.read");
  const comment = await findComment(db, decisionId, commentId);
  if (comment.deletedAt) return { versions: [] };
  const versions = await db.commentVersion.findMany({
    where: { commentId },
    orderBy: { version: "asc" },
    select: { version: true, body: true, createdAt: true, editorId: true },
  });
  const editors = await db.user.findMany({ where: { id: { in: [...new Set(versions.map((v) => v.editorId))] } }, select: { id: true, name: true } });
  const names = new Map(editors.map((u) => [u.id, u.name]));
  return {
    versions: versions.map((v) => ({
      version: v.version,
      body: v.body,
      editor: { id: v.editorId, name: names.get(v.editorId) ?? "" },
      createdAt: v.createdAt.toISOString(),
    })),
  };
}
