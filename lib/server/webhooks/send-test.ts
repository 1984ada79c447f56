import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "../../db";
import { webhookBody, type WebhookFormat } from "../../domain/webhook-events";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { describePing } from "./describe-event";
import { findWebhook } from "./find-webhook";
import { deliverySelect, presentDelivery } from "./shape";
import { nudgeWebhookWorker } from "./worker";

/**
 * Queues a `ping` through the same path as every event (signed, retried, logged), even for a
 * webhook switched off, and wakes the worker. Not audited: it changes nothing in the project.
 */
export async function sendTestDelivery(actor: Actor, projectId: string, webhookId: string) {
  await requirePermission(projectId, actor.userId, "webhooks.manage");
  const webhook = await findWebhook(getDb(), projectId, webhookId);
  const id = randomUUID();
  const facts = await describePing(getDb(), projectId, actor.userId, id);
  const row = await getDb().webhookDelivery.create({
    data: {
      id,
      webhookId,
      projectId,
      seq: null,
      event: "ping",
      body: webhookBody(webhook.format as WebhookFormat, facts),
    },
    select: deliverySelect,
  });
  nudgeWebhookWorker();
  return presentDelivery(row);
}
