import { apiHandler } from "@/lib/server/api-handler";
import { listAuditEvents } from "@/lib/server/audit/list-events";
import { searchParamsToObject } from "@/lib/schemas/audit";

export const GET = apiHandler(async ({ actor, params, request }) =>
  listAuditEvents(actor, params.projectId!, searchParamsToObject(new URL(request.url).searchParams)),
);
