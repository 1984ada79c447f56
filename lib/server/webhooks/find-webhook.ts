import "server-only";
import type { Db, Tx } from "../../db";
import { AppError } from "../../errors";
import { webhookSelect } from "./shape";

/** A webhook of this project; another project's id is the same 404 as an unknown one. */
export async function findWebhook(db: Db | Tx, projectId: string, webhookId: string) {
  const webhook = await db.webhook.findFirst({ where: { id: webhookId, projectId }, select: webhookSelect });
  if (!webhook) throw new AppError("not_found", "No such webhook in this project.");
  return webhook;
}
