// Sealed event details: what an event may not show yet (a blind vote's per-voter ballot details) is
// kept beside the chain, and the hashed event carries only a commitment to it. The chain stays
// recomputable by every reader from what they can see; once the details are revealed, anyone can
// check they are the ones committed to when the event was written.
import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

/** What opens a seal: the random salt (so a guessable value cannot be confirmed) and the details. */
export interface SealOpening {
  salt: string;
  details: Record<string, unknown>;
}

/** SHA-256 in hex of the salt followed by the canonical JSON of the details. */
export function sealCommitment(opening: SealOpening): string {
  return createHash("sha256")
    .update(opening.salt + canonicalJson(opening.details), "utf8")
    .digest("hex");
}

/** The commitment an event's data carries under `sealed`, or null for an event with nothing sealed. */
export function sealIn(data: unknown): string | null {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return null;
  const sealed = (data as Record<string, unknown>).sealed;
  return typeof sealed === "string" ? sealed : null;
}
