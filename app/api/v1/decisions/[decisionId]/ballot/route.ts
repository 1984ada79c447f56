import { apiHandler } from "@/lib/server/api-handler";
import { getBallot } from "@/lib/server/decisions/get-ballot";
import { submitBallot } from "@/lib/server/decisions/submit-ballot";
import { AppError } from "@/lib/errors";

export const GET = apiHandler(async ({ actor, params }) => {
  const ballot = await getBallot(actor, params.decisionId!);
  if (!ballot) throw new AppError("not_found", "You have not submitted a ballot for this decision yet.");
  return ballot;
});
export const PUT = apiHandler(async ({ actor, params, body }) => submitBallot(actor, params.decisionId!, await body()));
