import { apiHandler } from "@/lib/server/api-handler";
import { csvResponse, exportBallotsCsv } from "@/lib/server/records/export-decision";

export const GET = apiHandler(async ({ actor, params }) => {
  const { fileName, csv } = await exportBallotsCsv(actor, params.decisionId!);
  return csvResponse(fileName, csv);
});
