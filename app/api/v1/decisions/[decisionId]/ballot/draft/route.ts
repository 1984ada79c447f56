import { apiHandler } from "@/lib/server/api-handler";
import { getBallotDraft } from "@/lib/server/decisions/get-ballot-draft";
import { saveBallotDraft } from "@/lib/server/decisions/save-ballot-draft";

export const GET = apiHandler(async ({ actor, params }) => ({ draft: await getBallotDraft(actor, params.decisionId!) }));
export const PUT = apiHandler(async ({ actor, params, body }) => saveBallotDraft(actor, params.decisionId!, await body()));
