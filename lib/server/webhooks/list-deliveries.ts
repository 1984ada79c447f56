import "server-only";
import { getDb } from "../../db";
import { deliveryListQuerySchema } from "../../schemas/webhook";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { parseInput } from "../parse-input";
import { findWebhook } from "./find-webhook";
import { deliverySelect, presentDelivery } from "./shape";

/** A webhook's latest deliveries, newest first, each with every attempt. */
export async function listDeliveries(
  actor: Actor,
  projectId: string,
  webhookId: string,
  rawQuery: unknown = {},
) {
  await requirePermission(projectId, actor.userId, "webhooks.manage");
  const { limit } = parseInput(deliveryListQuerySchema, rawQuery);
  await findWebhook(getDb(), projectId, webhookId);
  const rows = await getDb().webhookDelivery.findMany({
    where: { webhookId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
    select: deliverySelect,
  });
  return rows.map(presentDelivery);
}
