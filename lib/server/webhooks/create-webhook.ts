import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { getDb } from "../../db";
import { createWebhookSchema } from "../../schemas/webhook";
import type { Actor } from "../actor";
import { requirePermission, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";
import { auditView, presentWebhook, webhookSelect } from "./shape";
import { assertWebhookUrlAllowed } from "./url-safety";

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

/** Registers a webhook (owners). The answer carries the secret; nothing shows it in full again. */
export async function createWebhook(actor: Actor, projectId: string, raw: unknown) {
  await requirePermission(projectId, actor.userId, "webhooks.manage");
  const input = parseInput(createWebhookSchema, raw);
  await assertWebhookUrlAllowed(input.url, input.allowPrivateAddresses);
  const secret = input.secret ?? generateWebhookSecret();
  const id = randomUUID();
  const row = await getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "webhooks.manage");
    const fields = {
      url: input.url,
      events: input.events,
      format: input.format,
      active: input.active,
      allowPrivate: input.allowPrivateAddresses,
      description: input.description ?? "",
    };
    const { seq } = await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "webhook.created",
      entityType: "webhook",
      entityId: id,
      data: { after: auditView(fields), secret: input.secret ? "given" : "generated" },
    });
    // Events before this one are history, not news: the webhook starts after its own creation.
    const created = await tx.webhook.create({
      data: { id, projectId, ...fields, secret, sinceSeq: seq, createdById: actor.userId },
      select: webhookSelect,
    });
    await tx.webhookCursor.upsert({ where: { projectId }, create: { projectId, lastSeq: seq }, update: {} });
    return created;
  });
  return { ...presentWebhook(row), secret };
}
