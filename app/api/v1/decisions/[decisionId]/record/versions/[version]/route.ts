import { AppError } from "@/lib/errors";
import { apiHandler } from "@/lib/server/api-handler";
import { getRecordMarkdown } from "@/lib/server/records/get-record-markdown";

export const GET = apiHandler(async ({ actor, params }) => {
  const version = Number(params.version);
  if (!Number.isSafeInteger(version) || version < 1)
    throw new AppError("not_found", "Versions are numbered 1, 2, 3…");
  return getRecordMarkdown(actor, params.decisionId!, version);
});
