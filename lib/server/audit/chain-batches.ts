// Walking a whole chain in bounded windows, shared by verification and export.
import "server-only";
import type { Db } from "../../db";
import { eventColumns, type EventRow } from "./shape";

/** Rows per query when walking a whole chain: memory stays flat however long the history is. */
export const CHAIN_BATCH_SIZE = 2_000;

/**
 * Events 1…`lastSeq` in seq order, one window of `batchSize` sequence numbers per query. Sequence
 * numbers are gap-free, so a window holds at most `batchSize` rows, and bounding both ends keeps
 * each query to its own rows even when the planner has no statistics (PGlite never auto-analyzes,
 * and a `seq > cursor ORDER BY seq LIMIT n` there sorts the whole rest of the chain every time).
 * The next window is fetched while the caller works on this one: at most two are held.
 */
export async function* chainBatches(db: Db, projectId: string, lastSeq: number, batchSize: number) {
  const fetchWindow = (after: number): Promise<EventRow[]> =>
    db.auditEvent.findMany({
      // The first window has no lower bound, so a stray seq ≤ 0 is seen (and reported) too.
      where: {
        projectId,
        seq: { ...(after === 0 ? {} : { gt: after }), lte: Math.min(after + batchSize, lastSeq) },
      },
      orderBy: { seq: "asc" },
      select: eventColumns,
    });
  let after = 0;
  let pending: Promise<EventRow[]> | null = lastSeq > 0 ? fetchWindow(after) : null;
  try {
    while (pending) {
      const rows: EventRow[] = await pending;
      after += batchSize;
      pending = after < lastSeq ? fetchWindow(after) : null;
      if (rows.length > 0) yield rows;
    }
  } finally {
    // A consumer that stops early (a broken chain, a cancelled download) leaves no query unobserved.
    await pending?.catch(() => undefined);
  }
}
