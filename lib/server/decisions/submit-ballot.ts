import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { ballotSchema, type BallotInput } from "../../schemas/decision";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";
import { getBallot } from "./get-ballot";
import { closeIfExpired } from "./close-expired";
import { loadDecision } from "./load";
import { lockDecision } from "./lock-decision";

type Definition = {
  scaleMin: number;
  scaleMax: number;
  weightMode: "FIXED" | "VOTED";
  options: { id: string }[];
  criteria: { id: string; name: string }[];
};

/** Rules a ballot must meet against its decision: every problem, with where it is. */
function ballotProblems(input: BallotInput, d: Definition) {
  const issues: { path: string; message: string }[] = [];
  const options = new Set(d.options.map((o) => o.id));
  const criteria = new Set(d.criteria.map((c) => c.id));
  const seen = new Set<string>();
  input.scores.forEach((score, i) => {
    if (!options.has(score.optionId)) issues.push({ path: `scores.${i}.optionId`, message: `Unknown option id ${score.optionId}.` });
    if (!criteria.has(score.criterionId)) issues.push({ path: `scores.${i}.criterionId`, message: `Unknown criterion id ${score.criterionId}.` });
    const cell = `${score.optionId}\u0000${score.criterionId}`;
    if (seen.has(cell)) issues.push({ path: `scores.${i}`, message: "This option × criterion cell appears twice." });
    seen.add(cell);
    if (score.value !== null && (score.value < d.scaleMin || score.value > d.scaleMax)) {
      issues.push({ path: `scores.${i}.value`, message: `Score ${score.value} is off the scale ${d.scaleMin}–${d.scaleMax}.` });
    }
  });
  if (input.importances?.length && d.weightMode === "FIXED") {
    issues.push({ path: "importances", message: "This decision uses fixed weights; leave importances out." });
  }
  const seenImportance = new Set<string>();
  input.importances?.forEach((imp, i) => {
    if (!criteria.has(imp.criterionId)) issues.push({ path: `importances.${i}.criterionId`, message: `Unknown criterion id ${imp.criterionId}.` });
    if (seenImportance.has(imp.criterionId)) issues.push({ path: `importances.${i}`, message: "This criterion's importance appears twice." });
    seenImportance.add(imp.criterionId);
  });
  // PRODUCT.md: in VOTED mode every ballot gives each criterion an importance. A gap would be read as
  // 0 by the weights but as "use the average" by the per-voter totals, so it is refused instead.
  const scored = input.scores.some((s) => s.value !== null);
  if (d.weightMode === "VOTED" && scored) {
    const missing = d.criteria.filter((c) => !seenImportance.has(c.id));
    if (missing.length > 0) {
      issues.unshift({
        path: "importances",
        message: `Give every criterion an importance from 0 to 10; missing: ${missing.map((c) => c.name).join(", ")}.`,
      });
    }
  }
  return issues;
}

/**
 * Stores the caller's ballot, replacing any earlier one atomically. Submitting the same ballot
 * twice leaves one ballot; a vote racing a close is either in before the close or refused.
 */
export async function submitBallot(actor: Actor, decisionId: string, raw: unknown) {
  const { decision } = await loadDecision(decisionId, actor.userId, "ballot.submit");
  const input = parseInput(ballotSchema, raw);
  const issues = ballotProblems(input, decision);
  if (issues.length) {
    throw new AppError("unprocessable", `The ballot breaks ${issues.length} rule(s): ${issues[0]!.message}`, { issues });
  }
  const outcome = await getDb().$transaction(async (tx) => {
    const state = await lockDecision(tx, decisionId);
    if (state.status === "OPEN" && state.deadline && state.deadline <= new Date()) return "expired" as const;
    if (state.status !== "OPEN") {
      const pastDeadline = state.status === "CLOSED" && state.deadline && state.deadline <= new Date();
      throw new AppError(
        "conflict",
        pastDeadline
          ? `Voting closed at the deadline (${state.deadline!.toISOString()}); this ballot was not counted.`
          : `Voting is not open: the decision is ${state.status}.`,
      );
    }
    await requirePermissionInTx(tx, state.projectId, actor.userId, "ballot.submit");

    const previous = await tx.ballot.findUnique({ where: { decisionId_voterId: { decisionId, voterId: actor.userId } }, select: { id: true, revision: true } });
    if (previous) await tx.ballot.delete({ where: { id: previous.id } });
    const ballot = await tx.ballot.create({
      data: {
        decisionId,
        voterId: actor.userId,
        comment: input.comment ?? "",
        revision: (previous?.revision ?? 0) + 1,
        scores: {
          createMany: {
            data: input.scores.map((s) => ({ optionId: s.optionId, criterionId: s.criterionId, value: s.value, rationale: s.rationale ?? "" })),
          },
        },
        importances: input.importances?.length ? { createMany: { data: input.importances } } : undefined,
      },
      select: { id: true, revision: true, submittedAt: true },
    });
    await tx.ballotDraft.deleteMany({ where: { decisionId, voterId: actor.userId } });
    // The audit trail records that a ballot was cast, never its scores: it is readable by all members.
    // Details that follow from the ballot are sealed: members see them once the vote is no longer blind.
    await appendAuditEvent(tx, {
      projectId: state.projectId,
      actorId: actor.userId,
      action: previous ? "ballot.revised" : "ballot.submitted",
      entityType: "ballot",
      entityId: ballot.id,
      data: { decisionId },
      sealed: { revision: ballot.revision, cells: input.scores.length, abstentions: input.scores.filter((s) => s.value === null).length },
    });
    return ballot;
  });
  if (outcome === "expired") {
    await closeIfExpired(decisionId);
    throw new AppError("conflict", "Voting closed at the deadline; this ballot was not counted.");
  }
  return getBallot(actor, decisionId);
}
