import { apiHandler } from "@/lib/server/api-handler";
import { lastRecordPublication } from "@/lib/server/git/publish-log";

export const GET = apiHandler(async ({ actor, params }) => lastRecordPublication(actor, params.decisionId!));
