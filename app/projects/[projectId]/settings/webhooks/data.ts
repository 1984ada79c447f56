// Reads for the webhook pages: owners only; anyone else sees why rather than an error page.
import "server-only";
import { notFound } from "next/navigation";
import { can } from "@/lib/server/access";
import { AppError } from "@/lib/errors";
import { listDeliveries } from "@/lib/server/webhooks/list-deliveries";
import { getWebhook, listWebhooks } from "@/lib/server/webhooks/list-webhooks";
import { loadProject } from "../../data";

export async function loadWebhookSettings(projectId: string, path: string) {
  const { actor, project } = await loadProject(projectId, path);
  return { actor, project, isOwner: can(project.role, "webhooks.manage") };
}

export async function loadWebhookList(projectId: string) {
  const context = await loadWebhookSettings(projectId, `/projects/${projectId}/settings/webhooks`);
  const webhooks = context.isOwner ? await listWebhooks(context.actor, projectId) : [];
  const latest = await Promise.all(
    webhooks.map(
      async (webhook) =>
        (await listDeliveries(context.actor, projectId, webhook.id, { limit: 1 }))[0] ?? null,
    ),
  );
  return {
    ...context,
    webhooks: webhooks.map((webhook, index) => ({ ...webhook, latest: latest[index] ?? null })),
  };
}

export async function loadWebhook(
  projectId: string,
  webhookId: string,
  path: string,
  withDeliveries: boolean,
) {
  const context = await loadWebhookSettings(projectId, path);
  if (!context.isOwner) return { ...context, webhook: null, deliveries: [] };
  try {
    const webhook = await getWebhook(context.actor, projectId, webhookId);
    const deliveries = withDeliveries
      ? await listDeliveries(context.actor, projectId, webhookId, { limit: 30 })
      : [];
    return { ...context, webhook, deliveries };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
