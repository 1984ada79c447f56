import { apiHandler } from "@/lib/server/api-handler";
import { searchParamsToObject } from "@/lib/schemas/audit";
import { listPublishLog } from "@/lib/server/git/publish-log";

export const GET = apiHandler(async ({ actor, params, request }) =>
  listPublishLog(actor, params.projectId!, searchParamsToObject(new URL(request.url).searchParams)),
);
