// The shapes the server answers with (API JSON and the props pages pass down), declared once so
// components type against them instead of keeping their own copies that drift.
import type { z } from "zod";
import type { revealPolicySchema, weightModeSchema } from "./decision";

export const DECISION_STATUSES = ["DRAFT", "OPEN", "CLOSED"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export type WeightMode = z.infer<typeof weightModeSchema>;
export type RevealPolicy = z.infer<typeof revealPolicySchema>;

/** One audit event as the API and the audit pages show it (the stored fields plus the actor's name). */
export interface AuditEventView {
  seq: number;
  at: string;
  actorId: string | null;
  /** Null for automatic events and for actors whose account was deleted. */
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
  prevHash: string;
  hash: string;
  /**
   * Only on events whose data carries `sealed`: the salt and details that open the seal, or null
   * while they are withheld (a blind vote still open, and the reader is not the ballot's author).
   */
  sealedDetails?: { salt: string; details: Record<string, unknown> } | null;
}

/** `GET …/audit/verify`: whether the chain is intact, or where it first breaks. */
export interface AuditVerification {
  status: "intact" | "broken";
  /** Events checked and found good (all of them when intact). */
  count: number;
  /** The hash of the last good event ("" before the first). */
  headHash: string;
  firstBadSeq?: number;
  expected?: string;
  found?: string;
  /** e.g. "tail missing after seq 41" when a head kept outside the event table is not in the chain. */
  reason?: string;
  /** Heads kept outside the event table (records' heads at close, a checkpoint) the chain was held to. */
  anchorsChecked: number;
}

/** One submitted ballot as its reader may see it. */
export interface SubmittedBallot {
  id: string;
  voter: { id: string; name: string };
  revision: number;
  submittedAt: Date;
  comment: string;
  scores: { optionId: string; criterionId: string; value: number | null; rationale: string }[];
  importances: { criterionId: string; value: number }[];
  pairwise: { judgements: { a: string; b: string; value: number }[]; consistencyRatio: number; warning: string | null } | null;
}
