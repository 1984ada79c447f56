import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "../../generated/prisma/client";
import { getDb, type Db } from "../../db";
import { signWebhookBody, retryDelayMs } from "../../domain/webhook-signature";
import { webhookBody, type WebhookFormat } from "../../domain/webhook-events";
import { eventFactColumns } from "../audit/shape";
import { onDecisionEvent } from "../events/decision-events";
import { describeAuditEvent } from "./describe-event";
import { webhookSettings, type WebhookSettings } from "./settings";
import { postWebhook } from "./transport";

/*
 * The webhook worker, in two steps that are each safe with any number of server instances on one
 * database:
 *
 * 1. Enqueue: per project, read the audit events after the project's cursor (the cursor row is
 *    taken FOR UPDATE SKIP LOCKED, so one instance reads a project at a time) and insert one
 *    delivery per matching webhook. (webhook, seq) is unique, so even a replay inserts nothing twice.
 * 2. Dispatch: claim due deliveries FOR UPDATE SKIP LOCKED with a lease, send them outside any
 *    transaction, then log the attempt and schedule a retry or finish.
 *
 * It runs when an audit event is announced (onDecisionEvent), and every WEBHOOK_POLL_MS for what
 * nobody announced: events committed while no server ran, and retries falling due.
 */

const EVENTS_PER_BATCH = 200;
const DELIVERIES_PER_CLAIM = 10;

export interface PassOptions {
  db?: Db;
  settings?: Partial<WebhookSettings>;
}

/** Turns new audit events into deliveries; returns how many deliveries were created. */
export async function enqueueNewEvents(db: Db = getDb()): Promise<number> {
  const behind = await db.$queryRaw<{ projectId: string }[]>`
    SELECT c."projectId" FROM "WebhookCursor" c JOIN "Project" p ON p.id = c."projectId"
    WHERE p."auditSeq" > c."lastSeq"`;
  let created = 0;
  for (const { projectId } of behind) {
    // A project far behind is read in batches, each its own short transaction.
    for (;;) {
      const batch = await enqueueProjectBatch(db, projectId);
      created += batch.created;
      if (!batch.more) break;
    }
  }
  return created;
}

async function enqueueProjectBatch(db: Db, projectId: string): Promise<{ created: number; more: boolean }> {
  return db.$transaction(
    async (tx) => {
      const cursor = await tx.$queryRaw<{ lastSeq: number }[]>`
        SELECT "lastSeq" FROM "WebhookCursor" WHERE "projectId" = ${projectId} FOR UPDATE SKIP LOCKED`;
      // Another instance is reading this project right now: it will deliver these events.
      if (cursor.length === 0) return { created: 0, more: false };
      const lastSeq = Number(cursor[0]!.lastSeq);
      const events = await tx.auditEvent.findMany({
        where: { projectId, seq: { gt: lastSeq } },
        orderBy: { seq: "asc" },
        take: EVENTS_PER_BATCH,
        select: eventFactColumns,
      });
      if (events.length === 0) return { created: 0, more: false };
      const webhooks = await tx.webhook.findMany({
        where: { projectId, active: true },
        select: { id: true, events: true, format: true, sinceSeq: true },
      });
      const rows: Prisma.WebhookDeliveryCreateManyInput[] = [];
      for (const event of events) {
        const targets = webhooks.filter(
          (webhook) => event.seq > webhook.sinceSeq && webhook.events.includes(event.action),
        );
        if (targets.length === 0) continue;
        const facts = await describeAuditEvent(tx, event, "");
        for (const webhook of targets) {
          const id = randomUUID();
          rows.push({
            id,
            webhookId: webhook.id,
            projectId,
            seq: event.seq,
            event: event.action,
            body: webhookBody(webhook.format as WebhookFormat, { ...facts, deliveryId: id }),
          });
        }
      }
      const inserted = rows.length
        ? await tx.webhookDelivery.createMany({ data: rows, skipDuplicates: true })
        : { count: 0 };
      await tx.webhookCursor.update({ where: { projectId }, data: { lastSeq: events.at(-1)!.seq } });
      return { created: inserted.count, more: events.length === EVENTS_PER_BATCH };
    },
    { timeout: 30_000 },
  );
}

interface ClaimedDelivery {
  id: string;
  event: string;
  body: string;
  attempts: number;
  roundStart: number;
  url: string;
  secret: string;
  allowPrivate: boolean;
}

async function claimDueDeliveries(db: Db, settings: WebhookSettings): Promise<ClaimedDelivery[]> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    // Pending and due, or claimed by a worker that has outlived its lease (it crashed or hung).
    const due: Prisma.WebhookDeliveryWhereInput = {
      OR: [
        { status: "pending", nextAttemptAt: { lte: now } },
        { status: "delivering", lockedUntil: { lt: now } },
      ],
    };
    const candidates = await tx.webhookDelivery.findMany({
      where: due,
      orderBy: { nextAttemptAt: "asc" },
      take: DELIVERIES_PER_CLAIM,
      select: { id: true },
    });
    if (candidates.length === 0) return [];
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "WebhookDelivery" WHERE id IN (${Prisma.join(candidates.map((c) => c.id))}) FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return [];
    // Read again under the lock: another worker may have claimed (and committed) in between.
    const claimable = await tx.webhookDelivery.findMany({
      where: { AND: [due, { id: { in: locked.map((row) => row.id) } }] },
      select: {
        id: true,
        event: true,
        body: true,
        attempts: true,
        roundStart: true,
        webhook: { select: { url: true, secret: true, allowPrivate: true } },
      },
    });
    if (claimable.length === 0) return [];
    await tx.webhookDelivery.updateMany({
      where: { id: { in: claimable.map((d) => d.id) } },
      data: {
        status: "delivering",
        lockedUntil: new Date(Date.now() + settings.timeoutMs * DELIVERIES_PER_CLAIM + 60_000),
      },
    });
    return claimable.map(({ webhook, ...delivery }) => ({ ...delivery, ...webhook }));
  });
}

export function deliveryHeaders(
  delivery: { id: string; event: string; body: string; secret: string },
  attempt: number,
) {
  return {
    "content-type": "application/json",
    "user-agent": "Verdict-Webhooks/1",
    "x-verdict-delivery": delivery.id,
    "x-verdict-event": delivery.event,
    "x-verdict-signature": signWebhookBody(delivery.secret, delivery.body),
    "x-verdict-timestamp": String(Math.floor(Date.now() / 1000)),
    "x-verdict-attempt": String(attempt),
  };
}

async function attempt(db: Db, delivery: ClaimedDelivery, settings: WebhookSettings) {
  const number = delivery.attempts + 1;
  const startedAt = new Date();
  const outcome = await postWebhook({
    url: delivery.url,
    body: delivery.body,
    headers: deliveryHeaders(delivery, number),
    allowPrivate: delivery.allowPrivate,
    timeoutMs: settings.timeoutMs,
  });
  const succeeded = outcome.error === null;
  const attemptsThisRound = number - delivery.roundStart;
  const exhausted = !succeeded && attemptsThisRound >= settings.maxAttempts;
  const status = succeeded ? "succeeded" : exhausted ? "failed" : "pending";
  await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        number,
        startedAt,
        durationMs: outcome.durationMs,
        statusCode: outcome.statusCode,
        responseExcerpt: outcome.responseExcerpt,
        error: outcome.error,
      },
    });
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts: number,
        status,
        lastStatus: outcome.statusCode,
        lockedUntil: null,
        nextAttemptAt:
          status === "pending"
            ? new Date(Date.now() + retryDelayMs(attemptsThisRound, settings.retryBaseMs))
            : startedAt,
        completedAt: status === "pending" ? null : new Date(),
      },
    });
  });
}

/** Sends every delivery that is due; returns how many attempts were made. */
export async function dispatchDueDeliveries(
  db: Db = getDb(),
  overrides: Partial<WebhookSettings> = {},
): Promise<number> {
  const settings = webhookSettings(overrides);
  let attempted = 0;
  for (;;) {
    const claimed = await claimDueDeliveries(db, settings);
    if (claimed.length === 0) return attempted;
    await Promise.all(
      claimed.map((delivery) =>
        attempt(db, delivery, settings).catch(async (error) => {
          console.error(`Webhook delivery ${delivery.id} could not be recorded:`, error);
          // Hand it back rather than leave it claimed until the lease runs out.
          await db.webhookDelivery
            .updateMany({
              where: { id: delivery.id, status: "delivering" },
              data: {
                status: "pending",
                lockedUntil: null,
                nextAttemptAt: new Date(Date.now() + settings.retryBaseMs),
              },
            })
            .catch(() => undefined);
        }),
      ),
    );
    attempted += claimed.length;
  }
}

/** One full pass: new events into deliveries, then every due delivery sent. */
export async function runWebhookPass(options: PassOptions = {}) {
  const db = options.db ?? getDb();
  const enqueued = await enqueueNewEvents(db);
  const attempted = await dispatchDueDeliveries(db, options.settings);
  return { enqueued, attempted };
}

/** When the next pending delivery falls due, so the worker can wake for it rather than wait a poll. */
async function nextDueAt(db: Db): Promise<number | null> {
  const next = await db.webhookDelivery.findFirst({
    where: { status: "pending" },
    orderBy: { nextAttemptAt: "asc" },
    select: { nextAttemptAt: true },
  });
  return next ? next.nextAttemptAt.getTime() : null;
}

interface WorkerState {
  running: boolean;
  again: boolean;
  timer?: NodeJS.Timeout;
  started: boolean;
}

const globalForWorker = globalThis as unknown as { verdictWebhookWorker?: WorkerState };

function state(): WorkerState {
  globalForWorker.verdictWebhookWorker ??= { running: false, again: false, started: false };
  return globalForWorker.verdictWebhookWorker;
}

function schedule(delayMs: number) {
  const worker = state();
  clearTimeout(worker.timer);
  worker.timer = setTimeout(() => void wakeWebhookWorker(), Math.max(0, delayMs));
  worker.timer.unref?.();
}

/** Runs a pass now (or right after the one in progress), then sleeps until the next due retry or poll. */
export async function wakeWebhookWorker(): Promise<void> {
  const worker = state();
  if (worker.running) {
    worker.again = true;
    return;
  }
  worker.running = true;
  const { pollMs } = webhookSettings();
  try {
    do {
      worker.again = false;
      await runWebhookPass();
    } while (worker.again);
    const due = await nextDueAt(getDb());
    schedule(due === null ? pollMs : Math.min(pollMs, due - Date.now()));
  } catch (error) {
    console.error("Webhook worker pass failed:", error);
    schedule(pollMs);
  } finally {
    worker.running = false;
  }
}

/**
 * Asks for a pass soon, for a delivery just queued by hand (Send test, Redeliver). Only where the
 * worker runs (the server); elsewhere — scripts, tests — the queued delivery waits for a worker.
 */
export function nudgeWebhookWorker() {
  if (state().started) void wakeWebhookWorker();
}

/** Starts this process's worker (once): on every announced event, and on a timer. */
export function startWebhookWorker() {
  const worker = state();
  if (worker.started) return;
  worker.started = true;
  onDecisionEvent(() => void wakeWebhookWorker());
  schedule(1_000);
}
