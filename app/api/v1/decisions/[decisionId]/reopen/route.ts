import { apiHandler } from "@/lib/server/api-handler";
import { reopenDecision } from "@/lib/server/decisions/reopen-decision";

export const POST = apiHandler(async ({ actor, params, body }) => reopenDecision(actor, params.decisionId!, await body()));
