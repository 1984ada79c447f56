import { apiHandler } from "@/lib/server/api-handler";
import { listRecords } from "@/lib/server/records/list-records";

export const GET = apiHandler(async ({ actor, params, request }) => {
  const search = new URL(request.url).searchParams;
  const query = Object.fromEntries(
    ["status", "q"].flatMap((key) => (search.has(key) ? [[key, search.get(key)]] : [])),
  );
  return { records: await listRecords(actor, params.projectId!, query) };
});
