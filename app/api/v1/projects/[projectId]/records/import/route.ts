import { apiHandler } from "@/lib/server/api-handler";
import { importRecords } from "@/lib/server/records/import-records";

export const POST = apiHandler(
  async ({ actor, params, request }) => importRecords(actor, params.projectId!, request),
  { status: 201 },
);
