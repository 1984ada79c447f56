import { apiHandler } from "@/lib/server/api-handler";
import { getResults } from "@/lib/server/decisions/results";

export const GET = apiHandler(async ({ actor, params }) => getResults(actor, params.decisionId!));
