import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { ballotSchema } from "../../schemas/decision";
import type { Actor } from "../actor";
import { parseInput } from "../parse-input";
import { loadDecision } from "./load";

export async function saveBallotDraft(actor: Actor, decisionId: string, raw: unknown) {
  const { decision } = await loadDecision(decisionId, actor.userId, "ballot.submit");
  if (decision.status !== "OPEN") throw new AppError("conflict", `Voting is not open: the decision is ${decision.status}.`);
  const input = parseInput(ballotSchema, raw);
  await getDb().ballotDraft.upsert({
    where: { decisionId_voterId: { decisionId, voterId: actor.userId } },
    create: { decisionId, voterId: actor.userId, data: input },
    update: { data: input },
  });
  return { saved: true, at: new Date() };
}
