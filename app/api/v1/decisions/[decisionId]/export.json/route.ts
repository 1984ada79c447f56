import { apiHandler } from "@/lib/server/api-handler";
import { exportDecision } from "@/lib/server/records/export-decision";

export const GET = apiHandler(async ({ actor, params }) => {
  const exported = await exportDecision(actor, params.decisionId!);
  return Response.json(exported, {
    headers: {
      "content-disposition": `attachment; filename="${exported.decision.key.toLowerCase()}-export.json"`,
    },
  });
});
