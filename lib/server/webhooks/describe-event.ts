import "server-only";
import type { EventFacts } from "../audit/shape";
import { publicUrl } from "../public-url";
import type { Db, Tx } from "../../db";
import type { WebhookEventFacts } from "../../domain/webhook-events";
import { recordKey } from "../../domain/slug";
import { decisionKey } from "../decisions/shape";

type Reader = Db | Tx;

const COMMENT_EXCERPT_CHARS = 280;

/**
 * What a webhook may be told about one audit event: a whitelist read from the tables, never the
 * event's own data passed through. Ballots name the voter only; a closed vote names its chosen
 * option only while the decision is closed (when every member may see its results).
 */
export async function describeAuditEvent(
  db: Reader,
  event: EventFacts,
  deliveryId: string,
): Promise<WebhookEventFacts> {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const [project, actor] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: event.projectId }, select: { id: true, name: true } }),
    event.actorId
      ? db.user.findUnique({ where: { id: event.actorId }, select: { id: true, name: true } })
      : null,
  ]);
  const details: WebhookEventFacts["details"] = {};

  let decisionId: string | null =
    event.entityType === "decision"
      ? event.entityId
      : typeof data.decisionId === "string"
        ? data.decisionId
        : null;
  if (event.entityType === "record") {
    const record = await db.decisionRecord.findUnique({
      where: { id: event.entityId },
      select: { decisionId: true, number: true, status: true },
    });
    if (record) {
      decisionId = record.decisionId;
      details.recordNumber = recordKey(record.number);
    }
    const by = data.by as { number?: unknown } | undefined;
    if (event.action === "record.superseded" && typeof by?.number === "number")
      details.supersededBy = recordKey(by.number);
  }

  const decision = decisionId
    ? await db.decision.findFirst({
        where: { id: decisionId, projectId: event.projectId },
        select: {
          id: true,
          number: true,
          title: true,
          status: true,
          record: { select: { number: true, chosenOptionId: true } },
        },
      })
    : null;

  if (event.action === "decision.closed" && decision?.status === "CLOSED" && decision.record) {
    details.recordNumber = recordKey(decision.record.number);
    const chosen = decision.record.chosenOptionId
      ? await db.option.findFirst({
          where: { id: decision.record.chosenOptionId, decisionId: decision.id },
          select: { id: true, name: true },
        })
      : null;
    details.winner = chosen?.name ?? null;
    details.winnerOptionId = chosen?.id ?? null;
  }
  if (event.action === "comment.posted") {
    const comment = await db.comment.findUnique({
      where: { id: event.entityId },
      select: { id: true, body: true, deletedAt: true },
    });
    if (comment && !comment.deletedAt) {
      details.commentId = comment.id;
      details.commentExcerpt =
        comment.body.length > COMMENT_EXCERPT_CHARS
          ? `${comment.body.slice(0, COMMENT_EXCERPT_CHARS)}…`
          : comment.body;
    }
  }
  if (event.entityType === "member") {
    const member = await db.user.findUnique({ where: { id: event.entityId }, select: { name: true } });
    details.memberId = event.entityId;
    details.memberName = member?.name ?? "A former member";
    const after = (data.after as { role?: unknown } | undefined)?.role;
    const before = (data.before as { role?: unknown } | undefined)?.role;
    if (typeof after === "string") details.role = after;
    if (typeof before === "string") details.previousRole = before;
  }

  return {
    deliveryId,
    event: event.action,
    seq: event.seq,
    occurredAt: event.at.toISOString(),
    project: { id: project.id, name: project.name, url: publicUrl(`/projects/${project.id}`) },
    actor: actor ? { id: actor.id, name: actor.name } : null,
    decision: decision
      ? {
          id: decision.id,
          number: decisionKey(decision.number),
          title: decision.title,
          status: decision.status,
          url: publicUrl(`/projects/${event.projectId}/decisions/${decision.id}`),
        }
      : null,
    details,
  };
}

/** The facts of a test delivery. */
export async function describePing(
  db: Reader,
  projectId: string,
  actorId: string,
  deliveryId: string,
): Promise<WebhookEventFacts> {
  const [project, actor] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, name: true } }),
    db.user.findUnique({ where: { id: actorId }, select: { id: true, name: true } }),
  ]);
  return {
    deliveryId,
    event: "ping",
    seq: null,
    occurredAt: new Date().toISOString(),
    project: { id: project.id, name: project.name, url: publicUrl(`/projects/${project.id}`) },
    actor: actor ? { id: actor.id, name: actor.name } : null,
    decision: null,
    details: {},
  };
}
