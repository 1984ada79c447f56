// What every audit read shares: the columns it selects, the view it returns, and actor names.
import "server-only";
import type { StoredEvent } from "../../domain/hash-chain";
import type { Db } from "../../db";
import type { AuditEventView } from "../../schemas/responses";

export const eventColumns = {
  projectId: true,
  seq: true,
  at: true,
  actorId: true,
  action: true,
  entityType: true,
  entityId: true,
  data: true,
  prevHash: true,
  hash: true,
} as const;

export type EventRow = {
  projectId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
  prevHash: string;
  hash: string;
};

export const toStored = (row: EventRow): StoredEvent => ({ ...row, at: row.at.toISOString() });

export function presentEvent(row: EventRow, names: Map<string, string>): AuditEventView {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    // An actor whose account was deleted keeps their id in the chain but has no name any more.
    actorName: row.actorId ? (names.get(row.actorId) ?? null) : null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    data: row.data,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** Display names for actor ids, adding only the ids not looked up yet to `known`. */
export async function lookUpActorNames(
  db: Db,
  rows: { actorId: string | null }[],
  known = new Map<string, string>(),
) {
  const missing = [
    ...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null && !known.has(id))),
  ];
  if (missing.length > 0) {
    const users = await db.user.findMany({
      where: { id: { in: missing } },
      select: { id: true, name: true },
    });
    for (const user of users) known.set(user.id, user.name);
  }
  return known;
}
