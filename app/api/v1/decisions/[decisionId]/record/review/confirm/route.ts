import { apiHandler } from "@/lib/server/api-handler";
import { confirmReview } from "@/lib/server/records/confirm-review";

export const POST = apiHandler(async ({ actor, params, body }) =>
  confirmReview(actor, params.decisionId!, await body()),
);
