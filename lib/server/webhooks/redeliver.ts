import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { findWebhook } from "./find-webhook";
import { deliverySelect, presentDelivery } from "./shape";
import { nudgeWebhookWorker } from "./worker";

/**
 * Sends a delivery again: the same body, signature and delivery id (so a receiver that already
 * handled it can tell), with a fresh retry budget. Its earlier attempts stay in the log.
 */
export async function redeliver(actor: Actor, projectId: string, webhookId: string, deliveryId: string) {
  await requirePermission(projectId, actor.userId, "webhooks.manage");
  await findWebhook(getDb(), projectId, webhookId);
  const delivery = await getDb().webhookDelivery.findFirst({
    where: { id: deliveryId, webhookId },
    select: { id: true, attempts: true },
  });
  if (!delivery) throw new AppError("not_found", "No such delivery for this webhook.");
  // Conditional, so a redeliver cannot reset a delivery a worker is sending right now.
  const reset = await getDb().webhookDelivery.updateMany({
    where: { id: deliveryId, status: { in: ["succeeded", "failed", "pending"] } },
    data: {
      status: "pending",
      nextAttemptAt: new Date(),
      roundStart: delivery.attempts,
      completedAt: null,
      lockedUntil: null,
    },
  });
  if (reset.count !== 1)
    throw new AppError("conflict", "This delivery is being sent right now; look again in a moment.");
  nudgeWebhookWorker();
  return presentDelivery(
    await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, select: deliverySelect }),
  );
}
