import { apiHandler } from "@/lib/server/api-handler";
import { exportRecordsZip } from "@/lib/server/records/export-records";
import { zipResponse } from "@/lib/server/records/downloads";

export const GET = apiHandler(async ({ actor, params, request }) => {
  const search = new URL(request.url).searchParams;
  const query = Object.fromEntries(
    ["format", "evidence"].flatMap((key) => (search.has(key) ? [[key, search.get(key)]] : [])),
  );
  const { fileName, data } = await exportRecordsZip(actor, params.projectId!, query);
  return zipResponse(fileName, data);
});
