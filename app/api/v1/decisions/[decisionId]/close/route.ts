import { apiHandler } from "@/lib/server/api-handler";
import { closeDecision } from "@/lib/server/decisions/close-decision";

export const POST = apiHandler(async ({ actor, params }) => closeDecision(actor, params.decisionId!));
