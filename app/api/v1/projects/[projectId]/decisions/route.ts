import { apiHandler } from "@/lib/server/api-handler";
import { createDecision } from "@/lib/server/decisions/create-decision";
import { listDecisions } from "@/lib/server/decisions/list-decisions";

export const GET = apiHandler(async ({ actor, params }) => ({ decisions: await listDecisions(actor, params.projectId!) }));
export const POST = apiHandler(async ({ actor, params, body }) => createDecision(actor, params.projectId!, await body()), {
  status: 201,
});
