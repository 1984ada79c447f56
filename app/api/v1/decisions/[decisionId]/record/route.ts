import { apiHandler } from "@/lib/server/api-handler";
import { getRecord } from "@/lib/server/records/get-record";

export const GET = apiHandler(async ({ actor, params }) => getRecord(actor, params.decisionId!));
