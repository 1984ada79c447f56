import "server-only";
import { hashEvent } from "../../domain/hash-chain";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import type { AuditEventView } from "../../schemas/responses";
import { sealCommitment, sealIn } from "../../domain/audit-seal";
import { eventColumns, lookUpActorNames, lookUpOpenings, presentEvent, toStored } from "./shape";

/** Sequence numbers in URLs: anything but a positive 32-bit integer names no event. */
function parseSeq(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null;
  const seq = Number(raw);
  return seq <= 2_147_483_647 ? seq : null;
}

export interface AuditEventDetail extends AuditEventView {
  /** Recomputing this event's hash from its stored content and prevHash gives its stored hash. */
  hashMatches: boolean;
  /** The previous event's stored hash equals this event's prevHash (true for event #1 on the genesis hash). */
  linkMatches: boolean;
  /** For a sealed event whose details this reader may see: they open the commitment in its data. */
  sealMatches?: boolean;
}

/** One event, for a link that can be shared. A local check only: `verifyAuditChain` proves the whole chain. */
export async function getAuditEvent(
  actor: Actor,
  projectId: string,
  rawSeq: string,
): Promise<AuditEventDetail> {
  await requirePermission(projectId, actor.userId, "audit.read");
  const seq = parseSeq(rawSeq);
  const notFound = new AppError("not_found", `This project has no audit event #${rawSeq.slice(0, 20)}.`);
  if (seq === null) throw notFound;
  const db = getDb();
  const row = await db.auditEvent.findUnique({
    where: { projectId_seq: { projectId, seq } },
    select: eventColumns,
  });
  if (!row) throw notFound;
  const previous =
    seq > 1
      ? await db.auditEvent.findUnique({
          where: { projectId_seq: { projectId, seq: seq - 1 } },
          select: { hash: true },
        })
      : { hash: "" };
  const [names, openings] = await Promise.all([
    lookUpActorNames(db, [row]),
    lookUpOpenings(db, projectId, [row], actor.userId),
  ]);
  const opening = openings.get(row.seq);
  return {
    ...presentEvent(row, names, openings),
    hashMatches: hashEvent(row.prevHash, toStored(row)) === row.hash,
    linkMatches: previous !== null && previous.hash === row.prevHash,
    ...(opening ? { sealMatches: sealCommitment(opening) === sealIn(row.data) } : {}),
  };
}
