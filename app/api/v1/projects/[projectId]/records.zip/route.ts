import { apiHandler } from "@/lib/server/api-handler";
import { exportRecordsZip, zipResponse } from "@/lib/server/records/export-records";

export const GET = apiHandler(async ({ actor, params }) => {
  const { fileName, data } = await exportRecordsZip(actor, params.projectId!);
  return zipResponse(fileName, data);
});
