import { apiHandler } from "@/lib/server/api-handler";
import { getRecordMarkdown } from "@/lib/server/records/get-record-markdown";
import { markdownResponse } from "@/lib/server/records/downloads";

export const GET = apiHandler(async ({ actor, params }) => {
  const { fileName, markdown } = await getRecordMarkdown(actor, params.decisionId!);
  return markdownResponse(fileName, markdown);
});
