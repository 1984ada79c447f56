import { apiHandler } from "@/lib/server/api-handler";
import { verifyProjectAudit } from "@/lib/server/audit/verify-project-audit";

export const GET = apiHandler(async ({ actor, params }) => verifyProjectAudit(actor, params.projectId!));
