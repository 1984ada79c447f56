import { apiHandler } from "@/lib/server/api-handler";
import { importRecords } from "@/lib/server/records/import-records";

export const POST = apiHandler(
  async ({ actor, params, request }) => importRecords(actor, params.projectId!, request),
  // The import form uploads multipart; scripts may post the zip itself.
  {
    status: 201,
    bodyTypes: ["multipart/form-data", "application/zip", "application/x-zip-compressed", "application/octet-stream"],
  },
);
