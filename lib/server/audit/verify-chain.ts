// Recomputing a project's hash chain. It takes no actor, so the command-line check and the benchmark
// call it directly; members reach it through verify-project-audit.ts.
import "server-only";
import { ChainVerifier, type ChainAnchor } from "../../domain/hash-chain";
import { getDb, type Db } from "../../db";
import { AppError } from "../../errors";
import { CHAIN_BATCH_SIZE, chainBatches } from "./chain-batches";
import type { AuditVerification } from "../../schemas/responses";
import { toStored } from "./shape";

/** A head someone exported earlier (`npm run audit:checkpoint`): the chain must still contain it. */
export interface AuditCheckpointAnchor {
  seq: number;
  hash: string;
}

/** Every record's head at close, plus the caller's checkpoint: what the chain must still contain. */
async function gatherAnchors(db: Db, projectId: string, checkpoint?: AuditCheckpointAnchor) {
  const records = await db.decisionRecord.findMany({
    where: { decision: { projectId }, auditHeadHash: { not: null } },
    select: { auditHeadSeq: true, auditHeadHash: true, decision: { select: { number: true } } },
  });
  const anchors: ChainAnchor[] = records.map((record) => ({
    seq: record.auditHeadSeq,
    hash: record.auditHeadHash!,
    source: `the record of decision #${record.decision.number}`,
  }));
  if (checkpoint) anchors.push({ ...checkpoint, source: "the checkpoint" });
  return anchors;
}

/** The project's own record of its chain: how many events, and the last one's hash. */
async function chainHead(db: Db, projectId: string) {
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: { auditSeq: true, auditHead: true },
  });
  if (!project) throw new AppError("not_found", "No such project.");
  return { count: project.auditSeq, headHash: project.auditHead };
}

/**
 * Recomputes a project's whole chain in seq order (and checks each sealed event's stored details
 * against its commitment, without showing them), `batchSize` rows per query, and names the first
 * bad event. The project row's count and head hash are read first: events appended meanwhile are
 * left for the next check, and a chain that ends early (a deleted tail) is caught, even when the
 * project row was rolled back with it, as long as an anchor kept elsewhere names a later event.
 */
export async function verifyAuditChain(
  projectId: string,
  {
    db = getDb(),
    batchSize = CHAIN_BATCH_SIZE,
    checkpoint,
  }: { db?: Db; batchSize?: number; checkpoint?: AuditCheckpointAnchor } = {},
): Promise<AuditVerification> {
  const recorded = await chainHead(db, projectId);
  const verifier = new ChainVerifier(await gatherAnchors(db, projectId, checkpoint));
  const { anchorsChecked } = verifier;
  batches: for await (const rows of chainBatches(db, projectId, recorded.count, batchSize)) {
    const seals = await db.auditSeal.findMany({
      where: { projectId, seq: { gte: rows[0]!.seq, lte: rows[rows.length - 1]!.seq } },
      select: { seq: true, salt: true, details: true },
    });
    const openings = new Map(
      seals.map((seal) => [seal.seq, { salt: seal.salt, details: seal.details as Record<string, unknown> }]),
    );
    for (const row of rows) {
      if (!verifier.push(toStored(row), openings.get(row.seq) ?? null)) break batches;
    }
  }
  const outcome = verifier.finish(recorded);
  if (outcome.status === "broken") {
    const { seq, expected, found, reason } = outcome.problem;
    return {
      status: "broken",
      count: outcome.count,
      headHash: outcome.headHash,
      firstBadSeq: seq,
      expected,
      found,
      reason,
      anchorsChecked,
    };
  }
  // A row slipped in past the recorded head (written around the app) is not part of any chain.
  const stray = await db.auditEvent.findFirst({
    where: { projectId, seq: { gt: recorded.count } },
    orderBy: { seq: "asc" },
    select: { seq: true },
  });
  if (stray && stray.seq > (await chainHead(db, projectId)).count) {
    return {
      status: "broken",
      count: outcome.count,
      headHash: outcome.headHash,
      firstBadSeq: stray.seq,
      reason: "event beyond the chain's recorded head",
      expected: `at most ${recorded.count} events`,
      found: `an event #${stray.seq}`,
      anchorsChecked,
    };
  }
  return { status: "intact", count: outcome.count, headHash: outcome.headHash, anchorsChecked };
}
