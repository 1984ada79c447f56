import { apiHandler } from "@/lib/server/api-handler";
import { startScoring } from "@/lib/server/decisions/start-scoring";

export const POST = apiHandler(async ({ actor, params }) => startScoring(actor, params.decisionId!));
