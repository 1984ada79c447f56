import { apiHandler } from "@/lib/server/api-handler";
import { listBallots } from "@/lib/server/decisions/list-ballots";

export const GET = apiHandler(async ({ actor, params }) => ({ ballots: await listBallots(actor, params.decisionId!) }));
