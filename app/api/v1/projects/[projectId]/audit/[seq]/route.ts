import { apiHandler } from "@/lib/server/api-handler";
import { getAuditEvent } from "@/lib/server/audit/get-event";

export const GET = apiHandler(async ({ actor, params }) =>
  getAuditEvent(actor, params.projectId!, params.seq!),
);
