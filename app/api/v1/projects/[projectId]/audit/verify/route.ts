import { apiHandler } from "@/lib/server/api-handler";
import { verifyProjectAudit } from "@/lib/server/audit-log";

export const GET = apiHandler(async ({ actor, params }) => verifyProjectAudit(actor, params.projectId!));
