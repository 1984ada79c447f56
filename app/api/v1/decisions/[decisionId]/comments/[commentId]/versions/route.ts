import { apiHandler } from "@/lib/server/api-handler";
import { listCommentVersions } from "@/lib/server/comments/list-comment-versions";

export const GET = apiHandler(async ({ actor, params }) => listCommentVersions(actor, params.decisionId!, params.commentId!));
