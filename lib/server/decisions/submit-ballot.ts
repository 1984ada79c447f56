import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { computeWeights } from "../../domain/aggregation";
import { importancesFromWeights } from "../../domain/pairwise";
import { ballotOptionTotals } from "../../domain/tally";
import { ballotSchema, type BallotInput } from "../../schemas/decision";
import type { Actor } from "../actor";
import { can } from "../access";
import { preparedAuditEvent } from "../audit";
import { parsedInput } from "../parse-input";
import { closeIfExpired } from "./close-expired";
import { scheduleFiguresOf } from "./compute-results";
import { judgementsById, resolvePairwise, type StoredJudgement } from "./pairwise-weights";
import type { RevealPolicy, Role, WeightMode } from "../../generated/prisma/enums";
import { describePairwise } from "./shape";
import { writeBallotSql } from "./tally-sql";

/**
 * What a ballot is checked and totalled against, with the decision's state and the caller's role and
 * name: read once, by the statement that locks the decision.
 */
interface Definition {
  status: string;
  deadline: Date | null;
  projectId: string;
  scaleMin: number;
  scaleMax: number;
  weightMode: WeightMode;
  requireRationaleAtExtremes: boolean;
  importancesFirst: boolean;
  scoringStartedAt: Date | null;
  revealPolicy: RevealPolicy;
  options: { id: string; name: string }[];
  criteria: { id: string; name: string; weight: number }[];
  role: Role | null;
  voterName: string;
}

// FOR SHARE: ballots do not queue behind each other here, only behind a close, open or reopen, so
// checking the ballot under this lock holds up no other voter. One round trip (a Prisma include would
// send one statement per relation).
const lockDefinitionSql = `
  SELECT d.status, d.deadline, d."projectId", d."scaleMin", d."scaleMax", d."weightMode", d."requireRationaleAtExtremes",
    d."importancesFirst", d."revealPolicy", d."scoringStartedAt", m.role, u.name AS "voterName",
    (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.position), '[]')
       FROM "Option" o WHERE o."decisionId" = d.id) AS options,
    (SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'weight', c.weight) ORDER BY c.position), '[]')
       FROM "Criterion" c WHERE c."decisionId" = d.id) AS criteria
  FROM "Decision" d JOIN "User" u ON u.id = $2
  JOIN "Membership" m ON m."projectId" = d."projectId" AND m."userId" = $2
  WHERE d.id = $1 FOR SHARE OF d, m`;
type ImportanceRow = { criterionId: string; value: number };

/** True while a VOTED decision that asks for importances first has not started scoring. */
const weighingOnly = (d: Pick<Definition, "weightMode" | "importancesFirst">, scoringStartedAt: Date | null) =>
  d.weightMode === "VOTED" && d.importancesFirst && scoringStartedAt === null;

/** Rules a ballot must meet against its decision: every problem, with where it is. */
function ballotProblems(input: BallotInput, d: Definition) {
  const issues: { path: string; message: string }[] = [];
  const options = new Set(d.options.map((o) => o.id));
  const criteria = new Set(d.criteria.map((c) => c.id));
  const seen = new Set<string>();
  const optionName = new Map(d.options.map((o) => [o.id, o.name]));
  const criterionName = new Map(d.criteria.map((c) => [c.id, c.name]));
  input.scores.forEach((score, i) => {
    if (!options.has(score.optionId)) issues.push({ path: `scores.${i}.optionId`, message: `Unknown option id ${score.optionId}.` });
    if (!criteria.has(score.criterionId)) issues.push({ path: `scores.${i}.criterionId`, message: `Unknown criterion id ${score.criterionId}.` });
    const cell = `${score.optionId}\u0000${score.criterionId}`;
    if (seen.has(cell)) issues.push({ path: `scores.${i}`, message: "This option × criterion cell appears twice." });
    seen.add(cell);
    if (score.value !== null && (score.value < d.scaleMin || score.value > d.scaleMax)) {
      issues.push({ path: `scores.${i}.value`, message: `Score ${score.value} is off the scale ${d.scaleMin}–${d.scaleMax}.` });
    }
    const atEnd = score.value === d.scaleMin || score.value === d.scaleMax;
    if (d.requireRationaleAtExtremes && atEnd && !score.rationale?.trim()) {
      issues.push({
        path: `scores.${i}.rationale`,
        message: `${optionName.get(score.optionId)} on ${criterionName.get(score.criterionId)}: a score of ${score.value} is at the end of the scale, so this decision asks for a rationale. Say why, or pick a score inside the scale.`,
      });
    }
  });
  if (input.importances?.length && d.weightMode === "FIXED") {
    issues.push({ path: "importances", message: "This decision uses fixed weights; leave importances out." });
  }
  if (input.pairwise && d.weightMode === "FIXED") {
    issues.push({ path: "pairwise", message: "This decision uses fixed weights; voters do not compare criteria." });
  }
  const seenImportance = new Set<string>();
  input.importances?.forEach((imp, i) => {
    if (!criteria.has(imp.criterionId)) issues.push({ path: `importances.${i}.criterionId`, message: `Unknown criterion id ${imp.criterionId}.` });
    if (seenImportance.has(imp.criterionId)) issues.push({ path: `importances.${i}`, message: "This criterion's importance appears twice." });
    seenImportance.add(imp.criterionId);
  });
  // PRODUCT.md: in VOTED mode every ballot gives each criterion an importance. A gap would be read as
  // 0 by the weights but as "use the average" by the per-voter totals, so it is refused instead.
  // Comparisons weigh every criterion. In an importances-first phase the importances are the whole ballot.
  const scored = input.scores.some((s) => s.value !== null);
  // After an importances-first phase, importances left out are the ones already given (checked under the lock).
  const carriedOver = d.importancesFirst && d.scoringStartedAt !== null && input.importances === undefined;
  if (d.weightMode === "VOTED" && !input.pairwise && !carriedOver && (scored || weighingOnly(d, d.scoringStartedAt))) {
    const issue = missingImportances(d, seenImportance);
    if (issue) issues.unshift(issue);
  }
  return issues;
}

function missingImportances(d: Pick<Definition, "criteria">, given: ReadonlySet<string>) {
  const missing = d.criteria.filter((c) => !given.has(c.id));
  if (missing.length === 0) return null;
  return { path: "importances", message: `Give every criterion an importance from 0 to 10; missing: ${missing.map((c) => c.name).join(", ")}.` };
}

/**
 * The weights this ballot's own totals use, when they are known now: FIXED weights never change once the
 * vote is open, and a VOTED ballot whose importances sum above 0 weighs by its own. Null when the voter
 * weighs by the shared VOTED weights, which move with every ballot: results compute those at read time.
 */
function ownWeights(d: Definition, importances: readonly ImportanceRow[]): Record<string, number> | null {
  const ids = d.criteria.map((c) => c.id);
  if (d.weightMode === "FIXED") return computeWeights("FIXED", d.criteria.map((c) => ({ id: c.id, weight: c.weight })), []).weights;
  const given = new Map(importances.map((i) => [i.criterionId, i.value]));
  const sum = ids.reduce((total, id) => total + (given.get(id) ?? 0), 0);
  if (sum === 0) return null;
  return Object.fromEntries(ids.map((id) => [id, (given.get(id) ?? 0) / sum]));
}

/**
 * The importances this ballot gives, as stored: the numbers sent, or those derived from pairwise
 * comparisons (multiples of 1/1024, see importancesFromWeights) with the comparisons kept beside them.
 */
function givenImportances(d: Definition, input: BallotInput): { importances: ImportanceRow[]; pairwise: StoredJudgement[] | null } {
  if (d.weightMode !== "VOTED") return { importances: [], pairwise: null };
  if (!input.pairwise) return { importances: (input.importances ?? []).map((i) => ({ criterionId: i.criterionId, value: i.value })), pairwise: null };
  const resolved = resolvePairwise(d.criteria, input.pairwise);
  const derived = importancesFromWeights(resolved.weights);
  const ids = d.criteria.map((c) => c.id);
  return {
    importances: ids.map((criterionId, i) => ({ criterionId, value: derived[i]! })),
    pairwise: judgementsById(resolved.byPosition, ids),
  };
}

/**
 * Stores the caller's ballot, replacing any earlier one atomically, and moves the decision's result
 * tallies by the difference in the same transaction: three statements between BEGIN and COMMIT. The
 * first locks the decision FOR SHARE and reads, once, everything the ballot is checked against (the
 * checks and the ballot's own totals then run in memory); the second upserts the ballot; the third
 * replaces the previous revision's rows, moves the tallies and appends the audit event (writeBallotSql).
 * Submitting the same ballot twice leaves one ballot; a vote racing a close is either in before the
 * close or refused.
 */
export async function submitBallot(actor: Actor, decisionId: string, raw: unknown) {
  const db = getDb();
  // Parsing needs nothing from the database; its 422 waits for the permission check, so a stranger
  // learns nothing.
  const parsed = ballotSchema.safeParse(raw);
  const outcome = await db.$transaction(async (tx) => {
    const [found] = await tx.$queryRawUnsafe<Definition[]>(lockDefinitionSql, decisionId, actor.userId);
    if (!found || !found.role) throw new AppError("not_found", "No such decision.");
    if (!can(found.role, "ballot.submit")) throw new AppError("forbidden", "Auditors read decisions but do not vote.");
    const input = parsedInput(parsed);
    const issues = ballotProblems(input, found);
    if (issues.length) {
      throw new AppError("unprocessable", `The ballot breaks ${issues.length} rule(s): ${issues[0]!.message}`, { issues });
    }
    const scores = input.scores.map((s) => ({ optionId: s.optionId, criterionId: s.criterionId, value: s.value, rationale: s.rationale ?? "" }));
    const given = givenImportances(found, input);
    const gaveImportances = input.importances !== undefined || input.pairwise !== undefined;
    const comment = input.comment ?? "";
    if (found.status === "OPEN" && found.deadline && found.deadline <= new Date()) return "expired" as const;
    if (found.status !== "OPEN") {
      const pastDeadline = found.status === "CLOSED" && found.deadline && found.deadline <= new Date();
      throw new AppError(
        "conflict",
        pastDeadline
          ? `Voting closed at the deadline (${found.deadline!.toISOString()}); this ballot was not counted.`
          : `Voting is not open: the decision is ${found.status}.`,
      );
    }
    // importancesFirst cannot change once the vote is open; only the start of scoring can, under this lock.
    if (weighingOnly(found, found.scoringStartedAt) && scores.length > 0) {
      throw new AppError("conflict", "Scoring has not started: this decision asks for importances first. Send your importances with no scores; a lead opens scoring.", {
        issues: [{ path: "scores", message: "scoring not started" }],
      });
    }
    let { importances, pairwise } = given;
    if (found.weightMode === "VOTED" && found.importancesFirst && found.scoringStartedAt) {
      // The weighting phase is over: importances given in it stay as they were.
      const fixed = await tx.$queryRawUnsafe<{ criterionId: string; value: number; pairwise: StoredJudgement[] | null }[]>(
        `SELECT i."criterionId", i.value, b.pairwise FROM "Ballot" b JOIN "Importance" i ON i."ballotId" = b.id
         WHERE b."decisionId" = $1 AND b."voterId" = $2`,
        decisionId,
        actor.userId,
      );
      if (fixed.length > 0) {
        const before = new Map(fixed.map((row) => [row.criterionId, row.value]));
        const changed = importances.length !== before.size || importances.some((i) => before.get(i.criterionId) !== i.value);
        if (gaveImportances && changed) {
          throw new AppError("conflict", "Your importances were fixed when scoring started; send them unchanged or leave them out.", {
            issues: [{ path: input.pairwise ? "pairwise" : "importances", message: "fixed since scoring started" }],
          });
        }
        importances = found.criteria.filter((c) => before.has(c.id)).map((c) => ({ criterionId: c.id, value: before.get(c.id)! }));
        pairwise = fixed[0]!.pairwise;
      }
      const gap = scores.some((s) => s.value !== null) && missingImportances(found, new Set(importances.map((i) => i.criterionId)));
      if (gap) throw new AppError("unprocessable", `The ballot breaks 1 rule(s): ${gap.message}`, { issues: [gap] });
    }
    const weights = ownWeights(found, importances);
    const totals = weights
      ? ballotOptionTotals(scores, found.options.map((o) => o.id), found.criteria.map((c) => c.id), { min: found.scaleMin, max: found.scaleMax }, weights)
      : [];

    // One statement inserts or revises; on a revision it waits for, then holds, the ballot's row lock.
    const [ballot] = await tx.$queryRawUnsafe<{ id: string; revision: number; submittedAt: Date }[]>(
      `INSERT INTO "Ballot" (id, "decisionId", "voterId", comment, "totalsAtRead", pairwise)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       ON CONFLICT ("decisionId", "voterId") DO UPDATE
       SET comment = EXCLUDED.comment, "totalsAtRead" = EXCLUDED."totalsAtRead", pairwise = EXCLUDED.pairwise, revision = "Ballot".revision + 1, "submittedAt" = now()
       RETURNING id, revision, "submittedAt"`,
      crypto.randomUUID(),
      decisionId,
      actor.userId,
      comment,
      weights === null,
      pairwise ? JSON.stringify(pairwise) : null,
    );
    // The audit trail records that a ballot was cast, never its scores: it is readable by all members.
    // Details that follow from the ballot are sealed: members see them once the vote is no longer blind.
    const action = ballot!.revision > 1 ? "ballot.revised" : "ballot.submitted";
    const event = preparedAuditEvent({
      projectId: found.projectId,
      actorId: actor.userId,
      action,
      entityType: "ballot",
      entityId: ballot!.id,
      data: { decisionId },
      sealed: { revision: ballot!.revision, cells: scores.length, abstentions: scores.filter((s) => s.value === null).length },
    });
    const [appended] = await tx.$queryRawUnsafe<{ auditSeq: number }[]>(
      writeBallotSql,
      ballot!.id,
      decisionId,
      actor.userId,
      scores.map((s) => s.optionId),
      scores.map((s) => s.criterionId),
      scores.map((s) => s.value),
      scores.map((s) => s.rationale),
      importances.map((i) => i.criterionId),
      importances.map((i) => i.value),
      totals.map((t) => t.optionId),
      totals.map((t) => t.weightedSum),
      totals.map((t) => t.coverage),
      totals.map((t) => t.position2),
      found.projectId,
      actor.userId,
      action,
      event.data,
      event.salt,
      event.details,
      event.hashedBefore,
      event.hashedBetween,
    );
    if (!appended) throw new AppError("not_found", "No such project.");
    return { ...ballot!, found, comment, scores, importances, pairwise };
  });
  if (outcome === "expired") {
    await closeIfExpired(decisionId);
    throw new AppError("conflict", "Voting closed at the deadline; this ballot was not counted.");
  }
  // Live results show the uncertainty figures: they are computed after this commit, off the request.
  if (outcome.found.revealPolicy === "LIVE") scheduleFiguresOf(decisionId);
  // The stored ballot is what was just written: nothing to read back.
  return {
    id: outcome.id,
    decisionId,
    voter: { id: actor.userId, name: outcome.found.voterName },
    revision: outcome.revision,
    submittedAt: outcome.submittedAt,
    comment: outcome.comment,
    scores: outcome.scores,
    importances: outcome.importances.map((i) => ({ criterionId: i.criterionId, value: i.value })),
    pairwise: describePairwise(outcome.found.criteria, outcome.pairwise),
  };
}
