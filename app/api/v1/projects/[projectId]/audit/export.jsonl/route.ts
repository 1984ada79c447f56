import { apiHandler } from "@/lib/server/api-handler";
import { exportAuditLog } from "@/lib/server/audit/export-log";
import { exportResponse } from "../export-response";

export const GET = apiHandler(async ({ actor, params }) =>
  exportResponse(await exportAuditLog(actor, params.projectId!, "jsonl")),
);
