import { apiHandler } from "@/lib/server/api-handler";
import { rejectRecord } from "@/lib/server/records/reject-record";
import { optionalJsonBody } from "@/lib/server/records/optional-body";

export const POST = apiHandler(async ({ actor, params, request }) =>
  rejectRecord(actor, params.decisionId!, await optionalJsonBody(request)),
);
