import { apiHandler } from "@/lib/server/api-handler";
import { acceptRecord } from "@/lib/server/records/change-status";
import { optionalJsonBody } from "@/lib/server/records/optional-body";

export const POST = apiHandler(async ({ actor, params, request }) =>
  acceptRecord(actor, params.decisionId!, await optionalJsonBody(request)),
);
