import { apiHandler } from "@/lib/server/api-handler";
import { deleteComment } from "@/lib/server/comments/delete-comment";
import { editComment } from "@/lib/server/comments/edit-comment";

export const PATCH = apiHandler(async ({ actor, params, body }) => editComment(actor, params.decisionId!, params.commentId!, await body()));

export const DELETE = apiHandler(async ({ actor, params }) => {
  await deleteComment(actor, params.decisionId!, params.commentId!);
});
