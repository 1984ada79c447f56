// The audit trail's hash chain: hash = SHA-256(previous hash + canonical JSON of the event).
// Pure except for the hash function, which comes from Web Crypto's synchronous sibling in Node.
import { createHash } from "node:crypto";
import { sealCommitment, sealIn, type SealOpening } from "./audit-seal";
import { canonicalJson } from "./canonical-json";

export const GENESIS_HASH = "";

/** The fields of an event that the hash covers, exactly as stored. */
export interface ChainedEventBody {
  projectId: string;
  seq: number;
  at: string; // ISO 8601 with milliseconds, UTC
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
}

/**
 * The exact text an event's hash is taken over: the previous hash followed by the canonical JSON of
 * the covered fields. Exported so the audit event page can show people what was hashed.
 */
export function hashedText(prevHash: string, event: ChainedEventBody): string {
  return (
    prevHash +
    canonicalJson({
      projectId: event.projectId,
      seq: event.seq,
      at: event.at,
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      data: event.data,
    })
  );
}

/**
 * The hashed text of an event whose time and sequence number the database fills in (a ballot's one
 * write statement, which reserves the number under the project row lock): the text is
 * prevHash + before + at + between + seq + "}", exactly hashedText's. `at` and `seq` are the last
 * members the canonical JSON writes that change per event ("seq" sorts after every other key).
 */
export function hashedTextAround(event: Omit<ChainedEventBody, "at" | "seq">): { before: string; between: string } {
  const marker = "\u0000at\u0000";
  const text = hashedText("", { ...event, at: marker, seq: 0 });
  const quoted = JSON.stringify(marker);
  const at = text.indexOf(quoted);
  if (at < 0 || text.indexOf(quoted, at + 1) >= 0 || !text.endsWith(',"seq":0}')) throw new Error("the event's hashed text has no single place for its time and number");
  return { before: text.slice(0, at + 1), between: text.slice(at + quoted.length - 1, -"0}".length) };
}

export function hashEvent(prevHash: string, event: ChainedEventBody): string {
  return createHash("sha256").update(hashedText(prevHash, event), "utf8").digest("hex");
}

export interface StoredEvent extends ChainedEventBody {
  prevHash: string;
  hash: string;
}

export type ChainBreak = { seq: number; reason: string; expected: string; found: string };

/**
 * A head hash kept outside the event table (a record's head at close, an exported checkpoint). The
 * project row can be rolled back together with a lost tail; an anchor kept elsewhere cannot, so an
 * anchor the chain does not contain means history went missing. `seq` is null when only the hash
 * is known (records written before their seq was stored): then the hash must occur somewhere.
 */
export interface ChainAnchor {
  seq: number | null;
  hash: string;
  /** Who kept it, for the report: "the record of decision #3", "the checkpoint file". */
  source: string;
}

const describeAnchor = (anchor: ChainAnchor) =>
  `${anchor.seq === null ? "an event" : `event #${anchor.seq}`} with hash ${anchor.hash} (kept by ${anchor.source})`;

/**
 * Checks events one at a time so a caller can stream millions of rows in constant memory.
 * Feed events in seq order; `finish()` reports the outcome.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private head = GENESIS_HASH;
  private count = 0;
  private broken: ChainBreak | null = null;
  private readonly anchorsBySeq = new Map<number, ChainAnchor[]>();
  /** Seq-less anchors not yet met, by hash; each is crossed off when its hash goes by. */
  private readonly unseenHashes = new Map<string, ChainAnchor>();
  readonly anchorsChecked: number;

  constructor(anchors: readonly ChainAnchor[] = []) {
    this.anchorsChecked = anchors.length;
    for (const anchor of anchors) {
      if (anchor.seq === null) this.unseenHashes.set(anchor.hash, anchor);
      // Seq 0 is the empty chain, which every chain extends.
      else if (anchor.seq > 0)
        this.anchorsBySeq.set(anchor.seq, [...(this.anchorsBySeq.get(anchor.seq) ?? []), anchor]);
    }
  }

  get failed(): boolean {
    return this.broken !== null;
  }

  /**
   * `opening` is the event's sealed details if stored, null if none are stored; leave it out only
   * when the caller does not look seals up (the chain itself is then all that is checked).
   */
  push(event: StoredEvent, opening?: SealOpening | null): boolean {
    if (this.broken) return false;
    if (event.seq !== this.expectedSeq) {
      this.broken = {
        seq: this.expectedSeq,
        reason: event.seq > this.expectedSeq ? "missing event (sequence gap)" : "sequence out of order",
        expected: `seq ${this.expectedSeq}`,
        found: `seq ${event.seq}`,
      };
      return false;
    }
    if (event.prevHash !== this.head) {
      this.broken = {
        seq: event.seq,
        reason: "previous hash does not match",
        expected: this.head,
        found: event.prevHash,
      };
      return false;
    }
    const recomputed = hashEvent(this.head, event);
    if (recomputed !== event.hash) {
      this.broken = {
        seq: event.seq,
        reason: "event content does not match its hash",
        expected: recomputed,
        found: event.hash,
      };
      return false;
    }
    const commitment = opening === undefined ? null : sealIn(event.data);
    if (commitment !== null && (!opening || sealCommitment(opening) !== commitment)) {
      this.broken = {
        seq: event.seq,
        reason: opening
          ? "sealed details do not match the commitment in the event"
          : "sealed details of the event are missing",
        expected: `details committing to ${commitment}`,
        found: opening ? `details committing to ${sealCommitment(opening)}` : "no stored details",
      };
      return false;
    }
    const differing = this.anchorsBySeq.get(event.seq)?.find((anchor) => anchor.hash !== event.hash);
    if (differing) {
      this.broken = {
        seq: event.seq,
        reason: `the chain differs from the head kept by ${differing.source} at or before seq ${event.seq}`,
        expected: describeAnchor(differing),
        found: `event #${event.seq} with hash ${event.hash}`,
      };
      return false;
    }
    this.anchorsBySeq.delete(event.seq);
    this.unseenHashes.delete(event.hash);
    this.head = event.hash;
    this.expectedSeq++;
    this.count++;
    return true;
  }

  /** The anchor furthest from being met, if any: one past the end of the chain, or a hash never seen. */
  private missingAnchor(): ChainAnchor | undefined {
    const beyond = [...this.anchorsBySeq.values()].flat().sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
    return beyond[0] ?? this.unseenHashes.values().next().value;
  }

  /** `storedHead`/`storedCount` come from the project row, so a deleted tail is caught too. */
  finish(stored?: { headHash: string; count: number }) {
    if (!this.broken && stored && (stored.count !== this.count || stored.headHash !== this.head)) {
      this.broken = {
        seq: this.count + 1,
        reason: "events missing at the end of the chain",
        expected: `${stored.count} events ending in ${stored.headHash}`,
        found: `${this.count} events ending in ${this.head || "(none)"}`,
      };
    }
    const missing = this.broken ? undefined : this.missingAnchor();
    if (missing) {
      this.broken = {
        seq: this.count + 1,
        reason: `tail missing after seq ${this.count}`,
        expected: describeAnchor(missing),
        found: `the chain ends at event #${this.count}${this.head ? ` with hash ${this.head}` : ""}`,
      };
    }
    if (this.broken) {
      return {
        status: "broken" as const,
        count: this.count,
        headHash: this.head,
        firstBadSeq: this.broken.seq,
        problem: this.broken,
      };
    }
    return { status: "intact" as const, count: this.count, headHash: this.head };
  }
}
