import "server-only";
import { randomUUID } from "node:crypto";
import { describeLiveEvent, frameServerSentEvent, parseEventCursor, type AnnouncedEvent } from "../../domain/live-event";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { membershipOf, requirePermission } from "../access";
import type { Actor } from "../actor";
import { onDecisionEvent, onResync, type DecisionEvent } from "./decision-events";
import { joinPresence, PRESENCE_HEARTBEAT_MS, type Viewer } from "./presence";

const REPLAY_PAGE = 500;

/** Where a stream starts: after Last-Event-ID on a reconnect, else after `since` (the seq the page was rendered at). */
export interface StreamCursor {
  lastEventId?: string | null;
  since?: string | null;
}

async function namesOf(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await getDb().user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

/** A stream follows one decision or the whole project. */
type Scope = { projectId: string; decisionId: string | null };

/** The scope's audit events after `afterSeq`, oldest first, as the trigger announced them. */
async function missedEvents({ projectId, decisionId }: Scope, afterSeq: number): Promise<AnnouncedEvent[]> {
  const rows = await getDb().auditEvent.findMany({
    where: {
      projectId,
      seq: { gt: afterSeq },
      ...(decisionId
        ? { OR: [{ entityType: "decision", entityId: decisionId }, { data: { path: ["decisionId"], equals: decisionId } }] }
        : {}),
    },
    orderBy: { seq: "asc" },
    take: REPLAY_PAGE,
    select: { seq: true, action: true, actorId: true, entityType: true, entityId: true, at: true, data: true },
  });
  return rows.map(({ data, ...row }) => ({
    ...row,
    projectId,
    // Only the id the trigger announces too; the rest of the data never leaves this function.
    decisionId: decisionId ?? (row.entityType === "decision" ? row.entityId : decisionIdIn(data)),
    at: row.at.toISOString(),
  }));
}

function decisionIdIn(data: unknown): string | null {
  const id = data && typeof data === "object" ? (data as Record<string, unknown>).decisionId : undefined;
  return typeof id === "string" ? id : null;
}

/**
 * A decision's live events as a server-sent event stream, for anyone who may read the decision.
 * Each event is an audit event reduced to what every reader may see (lib/domain/live-event.ts),
 * with its audit sequence number as the event id: a reconnecting client sends Last-Event-ID and
 * gets what it missed from the audit table before anything new. Presence events (who has the
 * decision open) carry no id.
 */
export async function streamDecisionEvents(actor: Actor, decisionId: string, cursor: StreamCursor, signal?: AbortSignal) {
  const decision = await getDb().decision.findUnique({ where: { id: decisionId }, select: { projectId: true } });
  if (!decision) throw new AppError("not_found", "No such decision.");
  await requirePermission(decision.projectId, actor.userId, "project.read").catch((error: AppError) => {
    throw error.code === "not_found" ? new AppError("not_found", "No such decision.") : error;
  });
  return openStream(actor, { projectId: decision.projectId, decisionId }, cursor, signal);
}

/** Every live event of a project (its audit log as it grows), for any member; no presence. */
export async function streamProjectEvents(actor: Actor, projectId: string, cursor: StreamCursor, signal?: AbortSignal) {
  await requirePermission(projectId, actor.userId, "project.read");
  return openStream(actor, { projectId, decisionId: null }, cursor, signal);
}

async function openStream(actor: Actor, scope: Scope, cursor: StreamCursor, signal?: AbortSignal) {
  const db = getDb();
  const { projectId, decisionId } = scope;
  const [user, project] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } }),
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { auditSeq: true } }),
  ]);
  let lastSeq = parseEventCursor(cursor.lastEventId) ?? parseEventCursor(cursor.since) ?? project.auditSeq;
  const encoder = new TextEncoder();
  const cleanups: (() => void)[] = [];
  let closed = false;
  // Every write goes through one chain, so replayed and live events leave in sequence order.
  let queue: Promise<void> = Promise.resolve();
  // cancel() runs outside start(); it reaches close() through this.
  let closeStream: (() => void) | undefined;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const close = () => {
        if (closed) return;
        closed = true;
        for (const cleanup of cleanups.splice(0)) cleanup();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      const send = async (events: AnnouncedEvent[]) => {
        const fresh = events.filter((event) => event.seq > lastSeq);
        if (fresh.length === 0 || closed) return;
        const names = await namesOf(fresh.map((event) => event.actorId));
        for (const event of fresh) {
          if (event.seq <= lastSeq) continue;
          lastSeq = event.seq;
          const live = describeLiveEvent(event, event.actorId ? (names.get(event.actorId) ?? null) : null);
          write(frameServerSentEvent("change", live, event.seq));
        }
      };
      const enqueue = (job: () => Promise<void>) => {
        queue = queue.then(job).catch((error) => {
          console.error("Live event stream failed:", error);
          close();
        });
      };
      const catchUp = () =>
        enqueue(async () => {
          for (;;) {
            const page = await missedEvents(scope, lastSeq);
            await send(page);
            if (page.length < REPLAY_PAGE || closed) return;
          }
        });

      write(`retry: 1000\n: stream of ${decisionId ? `decision ${decisionId}` : `project ${projectId}`}\n\n`);
      cleanups.push(
        onDecisionEvent((event: DecisionEvent) => {
          if (event.projectId !== projectId) return;
          if (event.action.startsWith("member.")) {
            // A reader removed from the project stops hearing about it at once.
            enqueue(async () => {
              await membershipOf(projectId, actor.userId).catch(() => close());
            });
          }
          if (decisionId === null || event.decisionId === decisionId) enqueue(() => send([event]));
        }),
        onResync(catchUp),
      );
      catchUp();

      if (decisionId) {
        const viewer: Viewer = { userId: actor.userId, name: user.name };
        cleanups.push(
          joinPresence(decisionId, randomUUID(), viewer, (viewers) => write(frameServerSentEvent("presence", { viewers }))),
        );
      }
      const keepAlive = setInterval(() => write(": ping\n\n"), PRESENCE_HEARTBEAT_MS);
      cleanups.push(() => clearInterval(keepAlive));
      if (signal) {
        if (signal.aborted) close();
        else signal.addEventListener("abort", close, { once: true });
      }
      cleanups.push(() => signal?.removeEventListener("abort", close));
      closeStream = close;
    },
    cancel() {
      closeStream?.();
    },
  });
}
