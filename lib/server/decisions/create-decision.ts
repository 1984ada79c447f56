import "server-only";
import { getDb, type Tx } from "../../db";
import { createDecisionSchema, type CreateDecisionInput } from "../../schemas/decision";
import type { Actor } from "../actor";
import { requirePermission, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";
import { judgementsById, resolvePairwise } from "./pairwise-weights";
import { auditSnapshot, decisionInclude, presentDecision } from "./shape";
import type { Prisma } from "../../generated/prisma/client";

export async function createDecision(actor: Actor, projectId: string, raw: unknown) {
  await requirePermission(projectId, actor.userId, "decision.manage");
  const input = parseInput(createDecisionSchema, raw);
  // Refuse inconsistent pairwise judgements before opening a transaction.
  if (input.pairwise) resolvePairwise(input.criteria, input.pairwise);
  return getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "decision.manage");
    return insertDecision(tx, actor, projectId, input);
  });
}

/**
 * The new DRAFT decision and its audit event, in the caller's transaction (which has checked the
 * permission). A record review passes the decision whose record this one is meant to supersede.
 */
export async function insertDecision(
  tx: Tx,
  actor: Actor,
  projectId: string,
  input: CreateDecisionInput,
  supersedesDecisionId: string | null = null,
) {
  const pairwise = input.pairwise ? resolvePairwise(input.criteria, input.pairwise) : null;
  // Incrementing the counter locks the project row, so concurrent creations get consecutive numbers.
  const { nextDecisionNumber } = await tx.project.update({
    where: { id: projectId },
    data: { nextDecisionNumber: { increment: 1 } },
    select: { nextDecisionNumber: true },
  });
  const number = nextDecisionNumber - 1;
  let decision = await tx.decision.create({
    data: {
      projectId,
      number,
      title: input.title,
      context: input.context ?? "",
      scaleMin: input.scale?.min ?? 0,
      scaleMax: input.scale?.max ?? 10,
      weightMode: input.weightMode,
      revealPolicy: input.revealPolicy ?? "AFTER_CLOSE",
      deadline: input.deadline ? new Date(input.deadline) : null,
      requireRationaleAtExtremes: input.requireRationaleAtExtremes ?? false,
      importancesFirst: input.importancesFirst ?? false,
      weightBand: input.weightBand,
      createdById: actor.userId,
      supersedesDecisionId,
      options: {
        create: input.options.map((o, position) => ({ position, name: o.name, description: o.description ?? "", link: o.link || null })),
      },
      criteria: {
        create: input.criteria.map((c, position) => ({ position, name: c.name, description: c.description ?? "", weight: pairwise ? pairwise.rawWeights[position]! : (c.weight ?? 1) })),
      },
    },
    include: decisionInclude,
  });
  if (pairwise) {
    const ids = decision.criteria.map((c) => c.id);
    decision = await tx.decision.update({
      where: { id: decision.id },
      data: { pairwise: judgementsById(pairwise.byPosition, ids) as unknown as Prisma.InputJsonValue },
      include: decisionInclude,
    });
  }
  const presented = presentDecision(decision);
  await appendAuditEvent(tx, {
    projectId,
    actorId: actor.userId,
    action: "decision.created",
    entityType: "decision",
    entityId: decision.id,
    data: { after: auditSnapshot(presented), ...(supersedesDecisionId ? { supersedesDecisionId } : {}) },
  });
  return presented;
}
