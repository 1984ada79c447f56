import { apiHandler } from "@/lib/server/api-handler";
import { verifyProjectAudit } from "@/lib/server/audit/verify-project-audit";
import { searchParamsToObject } from "@/lib/schemas/audit";

export const GET = apiHandler(async ({ actor, params, request }) =>
  verifyProjectAudit(actor, params.projectId!, searchParamsToObject(new URL(request.url).searchParams)),
);
