import { apiHandler } from "@/lib/server/api-handler";
import { exportRecordsZip } from "@/lib/server/records/export-records";
import { zipResponse } from "@/lib/server/records/downloads";

export const GET = apiHandler(async ({ actor, params }) => {
  const { fileName, data } = await exportRecordsZip(actor, params.projectId!);
  return zipResponse(fileName, data);
});
