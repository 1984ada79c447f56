import { apiHandler } from "@/lib/server/api-handler";
import { getRecordMarkdown, markdownResponse } from "@/lib/server/records/read-record";

export const GET = apiHandler(async ({ actor, params }) => {
  const { fileName, markdown } = await getRecordMarkdown(actor, params.decisionId!);
  return markdownResponse(fileName, markdown);
});
