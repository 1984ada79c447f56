import { apiHandler } from "@/lib/server/api-handler";
import { setReviewDate } from "@/lib/server/records/set-review-date";

export const PUT = apiHandler(async ({ actor, params, body }) =>
  setReviewDate(actor, params.decisionId!, await body()),
);
