import { apiHandler } from "@/lib/server/api-handler";
import { saveNarrative } from "@/lib/server/records/save-narrative";

export const POST = apiHandler(
  async ({ actor, params, body }) => saveNarrative(actor, params.decisionId!, await body()),
  { status: 201 },
);
