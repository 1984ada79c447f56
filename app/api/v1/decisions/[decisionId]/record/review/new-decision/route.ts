import { apiHandler } from "@/lib/server/api-handler";
import { startReviewDecision } from "@/lib/server/records/start-review-decision";

export const POST = apiHandler(async ({ actor, params }) => startReviewDecision(actor, params.decisionId!), {
  status: 201,
});
