import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { findWebhook } from "./find-webhook";
import { presentWebhook, webhookSelect } from "./shape";

export async function listWebhooks(actor: Actor, projectId: string) {
  await requirePermission(projectId, actor.userId, "webhooks.manage");
  const rows = await getDb().webhook.findMany({
    where: { projectId },
    orderBy: { createdAt: "asc" },
    select: webhookSelect,
  });
  return rows.map(presentWebhook);
}

export async function getWebhook(actor: Actor, projectId: string, webhookId: string) {
  await requirePermission(projectId, actor.userId, "webhooks.manage");
  return presentWebhook(await findWebhook(getDb(), projectId, webhookId));
}
