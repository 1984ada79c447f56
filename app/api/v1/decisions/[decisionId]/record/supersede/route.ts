import { apiHandler } from "@/lib/server/api-handler";
import { supersedeRecord } from "@/lib/server/records/supersede-record";

export const POST = apiHandler(async ({ actor, params, body }) =>
  supersedeRecord(actor, params.decisionId!, await body()),
);
