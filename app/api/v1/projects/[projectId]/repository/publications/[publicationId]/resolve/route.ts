import { apiHandler } from "@/lib/server/api-handler";
import { resolveConflict } from "@/lib/server/git/publish-log";

export const POST = apiHandler(async ({ actor, params, body }) =>
  resolveConflict(actor, params.projectId!, params.publicationId!, await body()),
);
