import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { AnnouncedEvent } from "../../domain/live-event";
import { eventDatabase, type EventDatabase } from "../../db";

/**
 * The one place where the server learns that a change was committed. Every audit event announces
 * itself with NOTIFY from a database trigger (prisma/migrations/…_discussion_and_live_events), so
 * the announcement leaves only when its transaction commits, in commit order, and no operation can
 * forget to publish. Each server process LISTENs once — a dedicated pg client on a PostgreSQL
 * server (announcements reach every instance), PGlite's own listen() on the embedded database —
 * and hands each event to the subscribers below, exactly once per process.
 *
 * Live streams subscribe here. So can later work (notifications, webhooks): an event's identity is
 * (projectId, seq), durable in the AuditEvent table, so a subscriber that must act once across all
 * instances enqueues a job keyed by it, and one that was down replays from the table.
 */
export type DecisionEvent = AnnouncedEvent;

export const EVENTS_CHANNEL = "verdict_events";
export const PRESENCE_CHANNEL = "verdict_presence";

export interface PresenceAnnouncement {
  instanceId: string;
  decisionId: string;
  viewers: { userId: string; name: string }[];
}

interface Hub {
  instanceId: string;
  events: Set<(event: DecisionEvent) => void>;
  presence: Set<(announcement: PresenceAnnouncement) => void>;
  /** Called after the listener (re)connected: announcements may have been missed meanwhile. */
  resync: Set<() => void>;
  connection?: Connection;
}

interface Connection {
  target: EventDatabase;
  stop(): Promise<void>;
  announcePresence(announcement: PresenceAnnouncement): Promise<void>;
}

const globalForHub = globalThis as unknown as { verdictEventHub?: Hub };

function hub(): Hub {
  globalForHub.verdictEventHub ??= { instanceId: randomUUID(), events: new Set(), presence: new Set(), resync: new Set() };
  return globalForHub.verdictEventHub;
}

export function instanceId(): string {
  return hub().instanceId;
}

function subscribe<T>(set: Set<T>, listener: T): () => void {
  set.add(listener);
  ensureListening();
  return () => {
    set.delete(listener);
  };
}

/** Subscribe to every committed audit event of every project; returns the unsubscribe. */
export function onDecisionEvent(listener: (event: DecisionEvent) => void): () => void {
  return subscribe(hub().events, listener);
}

export function onPresence(listener: (announcement: PresenceAnnouncement) => void): () => void {
  return subscribe(hub().presence, listener);
}

export function onResync(listener: () => void): () => void {
  return subscribe(hub().resync, listener);
}

function publish(raw: string | undefined) {
  if (!raw) return;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return;
  }
  const event: DecisionEvent = {
    projectId: String(parsed.projectId),
    seq: Number(parsed.seq),
    decisionId: typeof parsed.decisionId === "string" ? parsed.decisionId : null,
    action: String(parsed.action),
    actorId: typeof parsed.actorId === "string" ? parsed.actorId : null,
    entityType: String(parsed.entityType),
    entityId: String(parsed.entityId),
    // A timestamp(3) column comes without a zone; the app writes UTC.
    at: new Date(`${String(parsed.at).replace(" ", "T")}Z`).toISOString(),
  };
  for (const listener of hub().events) {
    try {
      listener(event);
    } catch (error) {
      console.error("A live-event subscriber failed:", error);
    }
  }
}

function receivePresence(raw: string | undefined) {
  if (!raw) return;
  try {
    const announcement = JSON.parse(raw) as PresenceAnnouncement;
    if (announcement.instanceId === hub().instanceId) return;
    for (const listener of hub().presence) listener(announcement);
  } catch {
    // Not ours to fail on: a malformed announcement is dropped.
  }
}

function resync() {
  for (const listener of hub().resync) listener();
}

/** Tells other instances who is looking at a decision here (no-op on the embedded database). */
export async function announcePresence(announcement: PresenceAnnouncement) {
  await hub().connection?.announcePresence(announcement).catch(() => undefined);
}

function sameTarget(a: EventDatabase | undefined, b: EventDatabase | undefined) {
  if (!a || !b) return a === b;
  if (a.engine === "pglite" && b.engine === "pglite") return a.pglite === b.pglite;
  return a.engine === "postgresql" && b.engine === "postgresql" && a.url === b.url;
}

/** Starts (or, when the database changed, restarts) this process's one listener. */
export function ensureListening() {
  const state = hub();
  const target = eventDatabase();
  if (sameTarget(state.connection?.target, target)) return;
  const previous = state.connection;
  state.connection = undefined;
  void previous?.stop();
  if (!target) return;
  state.connection = target.engine === "pglite" ? listenEmbedded(target) : listenServer(target);
}

/** Stops listening (tests, before dropping their database). */
export async function stopListening() {
  const connection = hub().connection;
  hub().connection = undefined;
  await connection?.stop();
}

function listenEmbedded(target: Extract<EventDatabase, { engine: "pglite" }>): Connection {
  const unlisten = target.pglite.listen(EVENTS_CHANNEL, publish);
  return {
    target,
    stop: async () => {
      await (await unlisten.catch(() => undefined))?.().catch(() => undefined);
    },
    // One process holds the embedded database: presence never needs to travel.
    announcePresence: async () => undefined,
  };
}

function listenServer(target: Extract<EventDatabase, { engine: "postgresql" }>): Connection {
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = 250;
  let timer: NodeJS.Timeout | undefined;
  // pg wants one query at a time per client.
  let announcing: Promise<unknown> = Promise.resolve();

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 5_000, application_name: "verdict-live-events" });
    next.on("notification", (message) => {
      if (message.channel === EVENTS_CHANNEL) publish(message.payload);
      else if (message.channel === PRESENCE_CHANNEL) receivePresence(message.payload);
    });
    next.on("error", () => reconnect(next));
    next.on("end", () => reconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${EVENTS_CHANNEL}`);
      await next.query(`LISTEN ${PRESENCE_CHANNEL}`);
      if (stopped) {
        await next.end().catch(() => undefined);
        return;
      }
      client = next;
      retryMs = 250;
      // Whatever committed while no one listened is read back from the audit table.
      resync();
    } catch {
      reconnect(next);
    }
  };

  const reconnect = (failed: pg.Client) => {
    if (client === failed) client = null;
    failed.removeAllListeners("end");
    void failed.end().catch(() => undefined);
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, retryMs);
    timer.unref?.();
    retryMs = Math.min(retryMs * 2, 5_000);
  };

  void connect();
  return {
    target,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      const current = client;
      client = null;
      current?.removeAllListeners("end");
      await current?.end().catch(() => undefined);
    },
    announcePresence: async (announcement) => {
      announcing = announcing
        .then(() => client?.query("SELECT pg_notify($1, $2)", [PRESENCE_CHANNEL, JSON.stringify(announcement)]))
        .catch(() => undefined);
      await announcing;
    },
  };
}
