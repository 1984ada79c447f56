import { apiHandler } from "@/lib/server/api-handler";
import { deleteWebhook } from "@/lib/server/webhooks/delete-webhook";
import { getWebhook } from "@/lib/server/webhooks/list-webhooks";
import { updateWebhook } from "@/lib/server/webhooks/update-webhook";

export const GET = apiHandler(async ({ actor, params }) =>
  getWebhook(actor, params.projectId!, params.webhookId!),
);

export const PATCH = apiHandler(async ({ actor, params, body }) =>
  updateWebhook(actor, params.projectId!, params.webhookId!, await body()),
);

export const DELETE = apiHandler(async ({ actor, params }) => {
  await deleteWebhook(actor, params.projectId!, params.webhookId!);
});
