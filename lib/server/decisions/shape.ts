import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { DomainRuleError } from "../../domain/aggregation";
import { inconsistencyWarning, pairwiseWeights } from "../../domain/pairwise";

export const decisionInclude = {
  options: { orderBy: { position: "asc" } },
  criteria: { orderBy: { position: "asc" } },
  record: { select: { id: true, status: true } },
} satisfies Prisma.DecisionInclude;

export type DecisionRow = Prisma.DecisionGetPayload<{ include: typeof decisionInclude }>;

/** A decision's own number (`D-12`); its record, once written, has an ADR number of its own. */
export const decisionKey = (number: number) => `D-${number}`;

/** The decision as the API and pages show it. */
export function presentDecision(d: DecisionRow) {
  return {
    id: d.id,
    projectId: d.projectId,
    number: d.number,
    key: decisionKey(d.number),
    title: d.title,
    context: d.context,
    status: d.status,
    scale: { min: d.scaleMin, max: d.scaleMax },
    weightMode: d.weightMode,
    revealPolicy: d.revealPolicy,
    deadline: d.deadline,
    requireRationaleAtExtremes: d.requireRationaleAtExtremes,
    importancesFirst: d.weightMode === "VOTED" && d.importancesFirst,
    /** FIXED: how far rank acceptability moves each weight, relative to itself; null in VOTED mode. */
    weightBand: d.weightMode === "FIXED" ? d.weightBand : null,
    /** When a lead opened scoring after the importances phase; null before (or without that phase). */
    scoringStartedAt: d.scoringStartedAt,
    options: d.options.map((o) => ({ id: o.id, name: o.name, description: o.description, link: o.link })),
    criteria: d.criteria.map((c) => ({ id: c.id, name: c.name, description: c.description, weight: c.weight })),
    createdAt: d.createdAt,
    openedAt: d.openedAt,
    closedAt: d.closedAt,
    record: d.record ? { id: d.record.id, status: d.record.status } : null,
    pairwise: presentPairwise(d),
    /** Set when a record review started this decision: its accepted record will supersede that one's. */
    supersedesDecisionId: d.supersedesDecisionId,
  };
}

/** The lead's pairwise comparisons with their consistency, or null when weights were given as numbers. */
function presentPairwise(d: DecisionRow) {
  if (d.weightMode !== "FIXED") return null;
  return describePairwise(d.criteria, d.pairwise);
}

/**
 * Stored comparisons ([{ a, b, value }] by criterion id) with their consistency ratio and, above 0.10,
 * the warning naming the comparison to revisit; null when there are none or they no longer fit the
 * criteria (a stale set is not shown rather than failing the page).
 */
export function describePairwise(criteria: readonly { id: string; name: string }[], stored: unknown) {
  if (!Array.isArray(stored)) return null;
  const judgements = stored as { a: string; b: string; value: number }[];
  const nameOf = new Map(criteria.map((c) => [c.id, c.name]));
  try {
    const result = pairwiseWeights(
      criteria.map((c) => c.id),
      judgements.map((j) => ({ rowId: j.a, columnId: j.b, value: j.value })),
    );
    return {
      judgements,
      consistencyRatio: result.consistencyRatio,
      warning: inconsistencyWarning(result, (id) => nameOf.get(id) ?? "an unknown criterion"),
    };
  } catch (error) {
    if (error instanceof DomainRuleError) return null;
    throw error;
  }
}

export type PresentedDecision = ReturnType<typeof presentDecision>;

/** What the audit trail keeps of a decision's definition. */
export function auditSnapshot(d: PresentedDecision) {
  return {
    number: d.number,
    title: d.title,
    context: d.context,
    scale: d.scale,
    weightMode: d.weightMode,
    revealPolicy: d.revealPolicy,
    deadline: d.deadline ? d.deadline.toISOString() : null,
    requireRationaleAtExtremes: d.requireRationaleAtExtremes,
    importancesFirst: d.importancesFirst,
    weightBand: d.weightBand,
    options: d.options.map((o) => ({ id: o.id, name: o.name })),
    criteria: d.criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight })),
    ...(d.pairwise ? { pairwise: d.pairwise.judgements } : {}),
  };
}

export const ballotInclude = {
  scores: true,
  importances: true,
  voter: { select: { id: true, name: true } },
} satisfies Prisma.BallotInclude;

/** A ballot as the API shows it: to its voter, or after close to those who may read every ballot. */
export function presentBallot(
  ballot: {
  id: string;
  decisionId: string;
  voter: { id: string; name: string };
  comment: string;
  revision: number;
  submittedAt: Date;
  scores: { optionId: string; criterionId: string; value: number | null; rationale: string }[];
  importances: { criterionId: string; value: number }[];
  pairwise?: unknown;
},
  criteria: readonly { id: string; name: string }[],
) {
  return {
    id: ballot.id,
    decisionId: ballot.decisionId,
    voter: ballot.voter,
    revision: ballot.revision,
    submittedAt: ballot.submittedAt,
    comment: ballot.comment,
    scores: ballot.scores.map((s) => ({ optionId: s.optionId, criterionId: s.criterionId, value: s.value, rationale: s.rationale })),
    importances: ballot.importances.map((i) => ({ criterionId: i.criterionId, value: i.value })),
    /** VOTED: the comparisons the importances were derived from, or null when they were given as numbers. */
    pairwise: describePairwise(criteria, ballot.pairwise ?? null),
  };
}
