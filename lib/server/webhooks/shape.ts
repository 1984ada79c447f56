import "server-only";
import type { WebhookFormat } from "../../domain/webhook-events";

export interface WebhookRow {
  id: string;
  url: string;
  events: string[];
  format: string;
  secret: string;
  active: boolean;
  allowPrivate: boolean;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

export const webhookSelect = {
  id: true,
  url: true,
  events: true,
  format: true,
  secret: true,
  active: true,
  allowPrivate: true,
  description: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** The API's view of a webhook: the secret only as its last four characters. */
export function presentWebhook(row: WebhookRow) {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    format: row.format as WebhookFormat,
    active: row.active,
    allowPrivateAddresses: row.allowPrivate,
    description: row.description,
    secretHint: `…${row.secret.slice(-4)}`,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * What the audit trail keeps of a webhook. Every member may read it, so never the secret and only
 * the URL's origin: chat services put their own credential in the URL's path.
 */
export function auditView(
  row: Pick<WebhookRow, "url" | "events" | "format" | "active" | "allowPrivate" | "description">,
) {
  let origin = "(invalid URL)";
  try {
    origin = new URL(row.url).origin;
  } catch {
    // Kept as the placeholder.
  }
  return {
    origin,
    events: row.events,
    format: row.format,
    active: row.active,
    allowPrivateAddresses: row.allowPrivate,
    description: row.description,
  };
}

export interface DeliveryRow {
  id: string;
  event: string;
  seq: number | null;
  status: string;
  attempts: number;
  lastStatus: number | null;
  nextAttemptAt: Date;
  createdAt: Date;
  completedAt: Date | null;
  attemptLog: {
    number: number;
    startedAt: Date;
    durationMs: number;
    statusCode: number | null;
    responseExcerpt: string;
    error: string | null;
  }[];
}

export const deliverySelect = {
  id: true,
  event: true,
  seq: true,
  status: true,
  attempts: true,
  lastStatus: true,
  nextAttemptAt: true,
  createdAt: true,
  completedAt: true,
  attemptLog: {
    orderBy: { number: "asc" },
    select: {
      number: true,
      startedAt: true,
      durationMs: true,
      statusCode: true,
      responseExcerpt: true,
      error: true,
    },
  },
} as const;

export function presentDelivery(row: DeliveryRow) {
  return {
    id: row.id,
    event: row.event,
    seq: row.seq,
    status: row.status as "pending" | "delivering" | "succeeded" | "failed",
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    attemptLog: row.attemptLog.map((attempt) => ({ ...attempt, startedAt: attempt.startedAt.toISOString() })),
  };
}

export type PresentedWebhook = ReturnType<typeof presentWebhook>;
export type PresentedDelivery = ReturnType<typeof presentDelivery>;
