import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { ballotSchema } from "../../schemas/decision";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { parseInput } from "../parse-input";
import { loadDecision } from "./load";
import { lockDecision } from "./lock-decision";

export async function saveBallotDraft(actor: Actor, decisionId: string, raw: unknown) {
  const { decision } = await loadDecision(decisionId, actor.userId, "ballot.submit");
  if (decision.status !== "OPEN") throw new AppError("conflict", `Voting is not open: the decision is ${decision.status}.`);
  const input = parseInput(ballotSchema, raw);
  await getDb().$transaction(async (tx) => {
    // Under the decision's lock a draft cannot land after the vote closed or after its author became an auditor.
    const state = await lockDecision(tx, decisionId);
    if (state.status !== "OPEN") throw new AppError("conflict", `Voting is not open: the decision is ${state.status}.`);
    await requirePermissionInTx(tx, state.projectId, actor.userId, "ballot.submit");
    await tx.ballotDraft.upsert({
      where: { decisionId_voterId: { decisionId, voterId: actor.userId } },
      create: { decisionId, voterId: actor.userId, data: input },
      update: { data: input },
    });
  });
  return { saved: true, at: new Date() };
}
