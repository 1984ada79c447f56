import { apiHandler } from "@/lib/server/api-handler";
import { acceptRecord } from "@/lib/server/records/accept-record";
import { optionalJsonBody } from "@/lib/server/records/optional-body";

export const POST = apiHandler(async ({ actor, params, request }) =>
  acceptRecord(actor, params.decisionId!, await optionalJsonBody(request)),
);
