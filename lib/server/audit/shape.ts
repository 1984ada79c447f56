// What every audit read shares: the columns it selects, the view it returns, and actor names.
import "server-only";
import { sealIn, type SealOpening } from "../../domain/audit-seal";
import type { StoredEvent } from "../../domain/hash-chain";
import type { Db } from "../../db";
import type { AuditEventView } from "../../schemas/responses";

/** What happened, without the chain's links: enough for readers that only describe an event. */
export const eventFactColumns = {
  projectId: true,
  seq: true,
  at: true,
  actorId: true,
  action: true,
  entityType: true,
  entityId: true,
  data: true,
} as const;

export const eventColumns = { ...eventFactColumns, prevHash: true, hash: true } as const;

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

export type EventFacts = Omit<EventRow, "prevHash" | "hash">;

export const toStored = (row: EventRow): StoredEvent => ({ ...row, at: row.at.toISOString() });

export function presentEvent(
  row: EventRow,
  names: Map<string, string>,
  openings: Map<number, SealOpening> = new Map(),
): AuditEventView {
  const sealed = sealIn(row.data) !== null;
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
    ...(sealed ? { sealedDetails: openings.get(row.seq) ?? null } : {}),
  };
}

/**
 * The openings of the sealed events among `rows` that `viewerId` may read. PRODUCT.md: nobody sees
 * another voter's ballot while a blind vote is open, so a ballot's details stay sealed until its
 * decision is no longer OPEN, unless results are LIVE or the reader cast that ballot.
 */
export async function lookUpOpenings(
  db: Db,
  projectId: string,
  rows: EventRow[],
  viewerId: string,
): Promise<Map<number, SealOpening>> {
  const sealedRows = rows.filter((row) => sealIn(row.data) !== null);
  const openings = new Map<number, SealOpening>();
  if (sealedRows.length === 0) return openings;
  const decisionOf = (row: EventRow) => {
    const id = (row.data as Record<string, unknown>).decisionId;
    return typeof id === "string" ? id : null;
  };
  const decisionIds = [...new Set(sealedRows.map(decisionOf).filter((id): id is string => id !== null))];
  const [seals, decisions] = await Promise.all([
    db.auditSeal.findMany({
      where: { projectId, seq: { in: sealedRows.map((row) => row.seq) } },
      select: { seq: true, salt: true, details: true },
    }),
    db.decision.findMany({
      where: { id: { in: decisionIds }, projectId },
      select: { id: true, status: true, revealPolicy: true },
    }),
  ]);
  const blind = new Set(
    decisions.filter((d) => d.status === "OPEN" && d.revealPolicy !== "LIVE").map((d) => d.id),
  );
  const bySeq = new Map(sealedRows.map((row) => [row.seq, row]));
  for (const seal of seals) {
    const row = bySeq.get(seal.seq)!;
    const decisionId = decisionOf(row);
    // A seal naming no decision of this project is never shown early: withholding is the safe side.
    const stillBlind =
      decisionId === null || blind.has(decisionId) || !decisions.some((d) => d.id === decisionId);
    if (stillBlind && row.actorId !== viewerId) continue;
    openings.set(seal.seq, { salt: seal.salt, details: seal.details as Record<string, unknown> });
  }
  return openings;
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
