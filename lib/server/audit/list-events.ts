import "server-only";
import { getDb } from "../../db";
import { auditQuerySchema, auditTimeBounds } from "../../schemas/audit";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { parseInput } from "../parse-input";
import type { AuditEventView } from "../../schemas/responses";
import { eventColumns, lookUpActorNames, lookUpOpenings, presentEvent } from "./shape";

export interface AuditPage {
  events: AuditEventView[];
  /** The seq to pass as `after` for the next page, or null on the last page. */
  next: number | null;
}

/**
 * One page of a project's history. Pages are cut by sequence number (keyset), not offset, so events
 * appended while someone pages through never shift or repeat what they see.
 */
export async function listAuditEvents(actor: Actor, projectId: string, raw: unknown): Promise<AuditPage> {
  const query = parseInput(auditQuerySchema, raw);
  await requirePermission(projectId, actor.userId, "audit.read");
  const db = getDb();
  const { from, toExclusive } = auditTimeBounds(query);
  const rows = await db.auditEvent.findMany({
    where: {
      projectId,
      ...(query.after === undefined
        ? {}
        : { seq: query.order === "asc" ? { gt: query.after } : { lt: query.after } }),
      ...(query.actor === undefined ? {} : { actorId: query.actor }),
      ...(query.action === undefined ? {} : { action: query.action }),
      ...(query.entityType === undefined ? {} : { entityType: query.entityType }),
      ...(query.entityId === undefined ? {} : { entityId: query.entityId }),
      ...(from || toExclusive
        ? { at: { ...(from ? { gte: from } : {}), ...(toExclusive ? { lt: toExclusive } : {}) } }
        : {}),
    },
    orderBy: { seq: query.order },
    take: query.limit + 1,
    select: eventColumns,
  });
  const page = rows.slice(0, query.limit);
  const [names, openings] = await Promise.all([
    lookUpActorNames(db, page),
    lookUpOpenings(db, projectId, page, actor.userId),
  ]);
  return {
    events: page.map((row) => presentEvent(row, names, openings)),
    next: rows.length > query.limit ? page[page.length - 1]!.seq : null,
  };
}
