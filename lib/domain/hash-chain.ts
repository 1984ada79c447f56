// The audit trail's hash chain: hash = SHA-256(previous hash + canonical JSON of the event).
// Pure except for the hash function, which comes from Web Crypto's synchronous sibling in Node.
import { createHash } from "node:crypto";
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

export function hashEvent(prevHash: string, event: ChainedEventBody): string {
  return createHash("sha256").update(hashedText(prevHash, event), "utf8").digest("hex");
}

export interface StoredEvent extends ChainedEventBody {
  prevHash: string;
  hash: string;
}

export type ChainBreak = { seq: number; reason: string; expected: string; found: string };

/**
 * Checks events one at a time so a caller can stream millions of rows in constant memory.
 * Feed events in seq order; `finish()` reports the outcome.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private head = GENESIS_HASH;
  private count = 0;
  private broken: ChainBreak | null = null;

  get failed(): boolean {
    return this.broken !== null;
  }

  push(event: StoredEvent): boolean {
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
    this.head = event.hash;
    this.expectedSeq++;
    this.count++;
    return true;
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
