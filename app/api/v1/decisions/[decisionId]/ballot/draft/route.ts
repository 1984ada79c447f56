import { apiHandler } from "@/lib/server/api-handler";
import { getBallotDraft, saveBallotDraft } from "@/lib/server/decisions/submit-ballot";

export const GET = apiHandler(async ({ actor, params }) => ({ draft: await getBallotDraft(actor, params.decisionId!) }));
export const PUT = apiHandler(async ({ actor, params, body }) => saveBallotDraft(actor, params.decisionId!, await body()));
