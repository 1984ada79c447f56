import { apiHandler } from "@/lib/server/api-handler";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { listWebhooks } from "@/lib/server/webhooks/list-webhooks";

export const GET = apiHandler(async ({ actor, params }) => ({
  webhooks: await listWebhooks(actor, params.projectId!),
}));

export const POST = apiHandler(
  async ({ actor, params, body }) => createWebhook(actor, params.projectId!, await body()),
  {
    status: 201,
  },
);
