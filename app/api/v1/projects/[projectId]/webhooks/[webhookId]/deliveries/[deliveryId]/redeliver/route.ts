import { apiHandler } from "@/lib/server/api-handler";
import { redeliver } from "@/lib/server/webhooks/redeliver";

export const POST = apiHandler(
  async ({ actor, params }) => redeliver(actor, params.projectId!, params.webhookId!, params.deliveryId!),
  { status: 202 },
);
