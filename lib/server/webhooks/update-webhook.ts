import "server-only";
import { getDb } from "../../db";
import { updateWebhookSchema } from "../../schemas/webhook";
import type { Actor } from "../actor";
import { requirePermission, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";
import { generateWebhookSecret } from "./create-webhook";
import { findWebhook } from "./find-webhook";
import { auditView, presentWebhook, webhookSelect } from "./shape";
import { assertWebhookUrlAllowed } from "./url-safety";

/** Changes a webhook (owners). A new or regenerated secret is in this answer only. */
export async function updateWebhook(actor: Actor, projectId: string, webhookId: string, raw: unknown) {
  await requirePermission(projectId, actor.userId, "webhooks.manage");
  const input = parseInput(updateWebhookSchema, raw);
  const current = await findWebhook(getDb(), projectId, webhookId);
  const url = input.url ?? current.url;
  const allowPrivate = input.allowPrivateAddresses ?? current.allowPrivate;
  await assertWebhookUrlAllowed(url, allowPrivate);
  const newSecret = input.regenerateSecret ? generateWebhookSecret() : input.secret;
  const row = await getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "webhooks.manage");
    const before = await findWebhook(tx, projectId, webhookId);
    const updated = await tx.webhook.update({
      where: { id: webhookId },
      data: {
        url,
        allowPrivate,
        ...(input.events ? { events: input.events } : {}),
        ...(input.format ? { format: input.format } : {}),
        ...(input.active === undefined ? {} : { active: input.active }),
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(newSecret ? { secret: newSecret } : {}),
      },
      select: webhookSelect,
    });
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "webhook.updated",
      entityType: "webhook",
      entityId: webhookId,
      data: {
        before: auditView(before),
        after: auditView(updated),
        ...(newSecret ? { secret: input.regenerateSecret ? "regenerated" : "replaced" } : {}),
      },
    });
    return updated;
  });
  return { ...presentWebhook(row), ...(newSecret ? { secret: newSecret } : {}) };
}
