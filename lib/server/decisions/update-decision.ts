import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { updateDecisionSchema } from "../../schemas/decision";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";
import { loadDecision } from "./load";
import { lockDecision } from "./lock-decision";
import { judgementsById, resolvePairwise } from "./pairwise-weights";
import { Prisma } from "../../generated/prisma/client";
import { auditSnapshot, decisionInclude, presentDecision } from "./shape";

export async function updateDecision(actor: Actor, decisionId: string, raw: unknown) {
  await loadDecision(decisionId, actor.userId, "decision.manage");
  const input = parseInput(updateDecisionSchema, raw);
  return getDb().$transaction(async (tx) => {
    const state = await lockDecision(tx, decisionId);
    await requirePermissionInTx(tx, state.projectId, actor.userId, "decision.manage");
    const current = await tx.decision.findUniqueOrThrow({ where: { id: decisionId }, include: decisionInclude });
    const before = auditSnapshot(presentDecision(current));

    if (state.status !== "DRAFT") {
      // Once voting started, only a stricter reveal policy is allowed: hidden results stay hidden. The
      // weight band may still move while the vote is open: it changes how sure the result looks (the
      // simulation), never a ballot, a total or the winner, and the edit is audited like any other.
      // Once closed it stays: the record quotes the figures it gave.
      const keys = Object.keys(input) as (keyof typeof input)[];
      const allowed = keys.every(
        (key) => (key === "revealPolicy" && input.revealPolicy === "AFTER_CLOSE") || key === "weightBand",
      );
      if (state.status !== "OPEN" || keys.length === 0 || !allowed) {
        throw new AppError(
          "conflict",
          state.status === "OPEN" && input.revealPolicy === "LIVE"
            ? "Results promised hidden until close must stay hidden: the reveal policy can only get stricter."
            : state.status === "CLOSED" && keys.includes("weightBand")
              ? "The decision is CLOSED: its record quotes the confidence this band gave. Reopen the vote to change the weight band."
              : `The decision is ${state.status}: options, criteria, scale and weights can only change in DRAFT.`,
        );
      }
    }
    const weightMode = input.weightMode ?? current.weightMode;
    if (input.weightBand !== undefined && weightMode !== "FIXED") {
      throw new AppError("unprocessable", "The weight band is for fixed weights; in VOTED mode the spread of the voters' importances is sampled.", {
        issues: [{ path: "weightBand", message: "VOTED mode" }],
      });
    }
    const criteriaAfter = input.criteria ?? current.criteria;
    if (input.pairwise && weightMode !== "FIXED") {
      throw new AppError("unprocessable", "Pairwise weights are for fixed weights; in VOTED mode voters weigh the criteria.", {
        issues: [{ path: "pairwise", message: "VOTED mode" }],
      });
    }
    if (input.importancesFirst && weightMode !== "VOTED") {
      throw new AppError("unprocessable", "Importances first is for VOTED decisions: with fixed weights there is nothing for voters to weigh.", {
        issues: [{ path: "importancesFirst", message: "FIXED mode" }],
      });
    }
    // Comparisons replace the criteria's numbers; numbers given without comparisons drop the old ones.
    const pairwise = input.pairwise ? resolvePairwise(criteriaAfter, input.pairwise) : null;
    const dropsPairwise = !pairwise && (input.criteria !== undefined || weightMode === "VOTED");
    if (!pairwise && weightMode === "FIXED" && !criteriaAfter.some((c) => (c.weight ?? 1) > 0)) {
      throw new AppError("unprocessable", "With fixed weights at least one criterion needs a weight above 0.", {
        issues: [{ path: "criteria", message: "all weights are 0" }],
      });
    }

    await tx.decision.update({
      where: { id: decisionId },
      data: {
        title: input.title,
        context: input.context,
        scaleMin: input.scale?.min,
        scaleMax: input.scale?.max,
        weightMode: input.weightMode,
        revealPolicy: input.revealPolicy,
        deadline: input.deadline === undefined ? undefined : input.deadline ? new Date(input.deadline) : null,
        pairwise: dropsPairwise ? Prisma.DbNull : undefined,
        requireRationaleAtExtremes: input.requireRationaleAtExtremes,
        // Switching to fixed weights leaves no importances to collect first.
        importancesFirst: weightMode === "VOTED" ? input.importancesFirst : false,
        weightBand: input.weightBand,
      },
    });
    if (input.options) {
      const keep = new Set(input.options.map((o) => o.id).filter(Boolean));
      for (const id of keep) {
        if (!current.options.some((o) => o.id === id)) {
          throw new AppError("unprocessable", `Unknown option id ${id}.`, { issues: [{ path: "options", message: "unknown id" }] });
        }
      }
      await tx.option.deleteMany({ where: { decisionId, id: { notIn: [...keep] as string[] } } });
      for (const [position, o] of input.options.entries()) {
        const data = { position, name: o.name, description: o.description ?? "", link: o.link || null };
        if (o.id) await tx.option.update({ where: { id: o.id }, data });
        else await tx.option.create({ data: { ...data, decisionId } });
      }
    }
    if (input.criteria) {
      const keep = new Set(input.criteria.map((c) => c.id).filter(Boolean));
      for (const id of keep) {
        if (!current.criteria.some((c) => c.id === id)) {
          throw new AppError("unprocessable", `Unknown criterion id ${id}.`, { issues: [{ path: "criteria", message: "unknown id" }] });
        }
      }
      await tx.criterion.deleteMany({ where: { decisionId, id: { notIn: [...keep] as string[] } } });
      for (const [position, c] of input.criteria.entries()) {
        const weight = pairwise ? pairwise.rawWeights[position]! : (c.weight ?? 1);
        const data = { position, name: c.name, description: c.description ?? "", weight };
        if (c.id) await tx.criterion.update({ where: { id: c.id }, data });
        else await tx.criterion.create({ data: { ...data, decisionId } });
      }
    }
    if (pairwise) {
      if (!input.criteria) {
        for (const [position, c] of current.criteria.entries()) {
          await tx.criterion.update({ where: { id: c.id }, data: { weight: pairwise.rawWeights[position]! } });
        }
      }
      const ids = (await tx.criterion.findMany({ where: { decisionId }, orderBy: { position: "asc" }, select: { id: true } })).map((c) => c.id);
      await tx.decision.update({ where: { id: decisionId }, data: { pairwise: judgementsById(pairwise.byPosition, ids) as unknown as Prisma.InputJsonValue } });
    }
    const updated = presentDecision(await tx.decision.findUniqueOrThrow({ where: { id: decisionId }, include: decisionInclude }));
    await appendAuditEvent(tx, {
      projectId: state.projectId,
      actorId: actor.userId,
      action: "decision.edited",
      entityType: "decision",
      entityId: decisionId,
      data: { before, after: auditSnapshot(updated) },
    });
    return updated;
  });
}
