import { apiHandler } from "@/lib/server/api-handler";
import { sendTestDelivery } from "@/lib/server/webhooks/send-test";

export const POST = apiHandler(
  async ({ actor, params }) => sendTestDelivery(actor, params.projectId!, params.webhookId!),
  {
    status: 202,
  },
);
