import { apiHandler } from "@/lib/server/api-handler";
import { citeComment } from "@/lib/server/comments/cite-comment";

export const PUT = apiHandler(async ({ actor, params, body }) => citeComment(actor, params.decisionId!, params.commentId!, await body()));
