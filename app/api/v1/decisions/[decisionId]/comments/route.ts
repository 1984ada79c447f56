import { apiHandler } from "@/lib/server/api-handler";
import { listComments } from "@/lib/server/comments/list-comments";
import { postComment } from "@/lib/server/comments/post-comment";

export const GET = apiHandler(async ({ actor, params }) => listComments(actor, params.decisionId!));

export const POST = apiHandler(async ({ actor, params, body }) => postComment(actor, params.decisionId!, await body()), { status: 201 });
