import { searchParamsToObject } from "@/lib/schemas/audit";
import { apiHandler } from "@/lib/server/api-handler";
import { listDeliveries } from "@/lib/server/webhooks/list-deliveries";

export const GET = apiHandler(async ({ actor, params, request }) => ({
  deliveries: await listDeliveries(
    actor,
    params.projectId!,
    params.webhookId!,
    searchParamsToObject(new URL(request.url).searchParams),
  ),
}));
