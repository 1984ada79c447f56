import { apiHandler } from "@/lib/server/api-handler";
import { csvResponse } from "@/lib/server/records/downloads";
import { exportBallotsCsv } from "@/lib/server/records/export-ballots-csv";

export const GET = apiHandler(async ({ actor, params }) => {
  const { fileName, csv } = await exportBallotsCsv(actor, params.decisionId!);
  return csvResponse(fileName, csv);
});
