import { apiHandler } from "@/lib/server/api-handler";
import { openDecision } from "@/lib/server/decisions/open-decision";

export const POST = apiHandler(async ({ actor, params }) => openDecision(actor, params.decisionId!));
