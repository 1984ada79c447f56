import { apiHandler } from "@/lib/server/api-handler";
import { setRecordFormat } from "@/lib/server/projects/set-record-format";

export const PUT = apiHandler(async ({ actor, params, body }) => setRecordFormat(actor, params.projectId!, await body()));
