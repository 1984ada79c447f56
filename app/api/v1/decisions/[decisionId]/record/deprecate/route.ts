import { apiHandler } from "@/lib/server/api-handler";
import { deprecateRecord } from "@/lib/server/records/deprecate-record";
import { optionalJsonBody } from "@/lib/server/records/optional-body";

export const POST = apiHandler(async ({ actor, params, request }) =>
  deprecateRecord(actor, params.decisionId!, await optionalJsonBody(request)),
);
