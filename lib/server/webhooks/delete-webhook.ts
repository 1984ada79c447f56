import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";
import { requirePermission, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { findWebhook } from "./find-webhook";
import { auditView } from "./shape";

/** Removes a webhook with its deliveries and their log (owners). */
export async function deleteWebhook(actor: Actor, projectId: string, webhookId: string) {
  await requirePermission(projectId, actor.userId, "webhooks.manage");
  await getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "webhooks.manage");
    const before = await findWebhook(tx, projectId, webhookId);
    await tx.webhook.delete({ where: { id: webhookId } });
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "webhook.deleted",
      entityType: "webhook",
      entityId: webhookId,
      data: { before: auditView(before) },
    });
  });
}
