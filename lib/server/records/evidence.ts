// Everything a generated record states about its vote, read inside the caller's transaction.
import "server-only";
import { publicUrl } from "../public-url";
import type { Db, Tx } from "../../db";
import type { RecordInput, RecordLink } from "../../domain/record";
import { recordKey } from "../../domain/slug";
import { computeResults } from "../decisions/compute-results";

/** The record's evidence: what generateRecord needs apart from the narrative, status and links. */
export type RecordEvidence = Omit<RecordInput, "narrative" | "status" | "supersedes" | "supersededBy">;

export interface VoterComment {
  voterName: string;
  text: string;
}

export interface Evidence {
  input: RecordEvidence;
  /** Ballot-level comments (not tied to an option), offered to the lead in More Information. */
  comments: VoterComment[];
}

const LEAD_ROLES = new Set(["OWNER", "LEAD"]);

export const decisionUrl = (projectId: string, decisionId: string) =>
  `/projects/${projectId}/decisions/${decisionId}`;

/** The decision's absolute address for a record's back-link; null without a public address. */
export function publicDecisionUrl(projectId: string, decisionId: string): string | null {
  return publicUrl(decisionUrl(projectId, decisionId));
}

export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Reads the closed decision, its result, its ballots' rationales and the project's members. The
 * result is recomputed from the ballots, which cannot change once a vote is closed, so every version
 * of a record states the same numbers.
 */
export async function gatherEvidence(tx: Db | Tx, decisionId: string): Promise<Evidence> {
  const decision = await tx.decision.findUniqueOrThrow({
    where: { id: decisionId },
    include: { options: { orderBy: { position: "asc" } }, criteria: { orderBy: { position: "asc" } } },
  });
  const result = await computeResults(tx, decisionId);
  const ballots = await tx.ballot.findMany({
    where: { decisionId },
    orderBy: { submittedAt: "asc" },
    select: {
      voterId: true,
      comment: true,
      voter: { select: { name: true } },
      scores: { select: { optionId: true, criterionId: true, rationale: true } },
    },
  });
  const members = await tx.membership.findMany({
    where: { projectId: decision.projectId },
    orderBy: { createdAt: "asc" },
    select: { role: true, user: { select: { id: true, name: true } } },
  });
  const closedEvent = await tx.auditEvent.findFirst({
    where: {
      projectId: decision.projectId,
      entityType: "decision",
      entityId: decisionId,
      action: "decision.closed",
    },
    orderBy: { seq: "desc" },
    select: { hash: true },
  });

  const cited = await tx.comment.findMany({
    where: { decisionId, cited: true, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
  const publicUrl = publicDecisionUrl(decision.projectId, decision.id);

  const voters = new Set(ballots.map((b) => b.voterId));
  const roleOf = new Map(members.map((m) => [m.user.id, m.role]));
  const makers = members.filter(
    (m) => LEAD_ROLES.has(m.role) && (voters.has(m.user.id) || m.user.id === decision.closedById),
  );
  // Voters who are not (or no longer) owners or leads were consulted, in the order they voted.
  const consulted = ballots.filter((b) => !LEAD_ROLES.has(roleOf.get(b.voterId) ?? ""));
  const named = new Set([...makers.map((m) => m.user.id), ...consulted.map((b) => b.voterId)]);
  const informed = members.filter((m) => !named.has(m.user.id));

  const rationales = ballots.flatMap((ballot) =>
    ballot.scores
      .filter((score) => score.rationale.trim() !== "")
      .map((score) => ({
        optionId: score.optionId,
        criterionId: score.criterionId,
        voterName: ballot.voter.name,
        text: score.rationale,
      })),
  );
  const comments = ballots
    .filter((ballot) => ballot.comment.trim() !== "")
    .map((ballot) => ({ voterName: ballot.voter.name, text: ballot.comment }));

  return {
    input: {
      number: decision.number,
      title: decision.title,
      date: isoDate(decision.closedAt ?? new Date()),
      context: decision.context,
      decisionMakers: makers.map((m) => m.user.name),
      consulted: consulted.map((b) => b.voter.name),
      informed: informed.map((m) => m.user.name),
      options: decision.options.map((o) => ({ id: o.id, name: o.name, description: o.description })),
      criteria: decision.criteria.map((c) => ({ id: c.id, name: c.name, description: c.description })),
      scale: { min: decision.scaleMin, max: decision.scaleMax },
      weightMode: decision.weightMode,
      weightBand: decision.weightMode === "FIXED" ? decision.weightBand : null,
      result,
      rationales,
      auditHeadHash: closedEvent?.hash ?? "",
      decisionUrl: publicUrl,
      citedComments: cited.map((comment) => ({
        authorName: comment.author.name,
        date: isoDate(comment.createdAt),
        text: comment.body,
        url: publicUrl ? `${publicUrl}#comment-${comment.id}` : null,
      })),
    },
    comments,
  };
}

export interface RecordLinks {
  /** Older records this one has replaced. */
  supersedes: RecordLink[];
  /** The newer record that replaced this one. */
  supersededBy: RecordLink | null;
}

/** The records a record links to, with their file names once fixed, as its Markdown writes them. */
export async function recordLinks(tx: Db | Tx, recordId: string): Promise<RecordLinks> {
  const record = await tx.decisionRecord.findUniqueOrThrow({
    where: { id: recordId },
    select: { supersededById: true },
  });
  const select = { number: true, fileName: true } as const;
  const [older, newer] = await Promise.all([
    tx.decisionRecord.findMany({ where: { supersededById: recordId }, select, orderBy: { number: "asc" } }),
    record.supersededById ? tx.decisionRecord.findUnique({ where: { id: record.supersededById }, select }) : null,
  ]);
  const link = (r: { number: number; fileName: string | null }) => ({ key: recordKey(r.number), fileName: r.fileName });
  return { supersedes: older.map(link), supersededBy: newer ? link(newer) : null };
}
