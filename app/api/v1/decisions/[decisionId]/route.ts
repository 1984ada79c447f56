import { apiHandler } from "@/lib/server/api-handler";
import { getDecision } from "@/lib/server/decisions/get-decision";
import { updateDecision } from "@/lib/server/decisions/update-decision";

export const GET = apiHandler(async ({ actor, params }) => getDecision(actor, params.decisionId!));
export const PATCH = apiHandler(async ({ actor, params, body }) => updateDecision(actor, params.decisionId!, await body()));
