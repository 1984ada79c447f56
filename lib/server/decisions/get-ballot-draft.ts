import "server-only";
import { getDb } from "../../db";
import type { BallotInput } from "../../schemas/decision";
import type { Actor } from "../actor";
import { loadDecision } from "./load";

export async function getBallotDraft(actor: Actor, decisionId: string): Promise<BallotInput | null> {
  await loadDecision(decisionId, actor.userId, "ballot.submit");
  const draft = await getDb().ballotDraft.findUnique({ where: { decisionId_voterId: { decisionId, voterId: actor.userId } } });
  return (draft?.data as BallotInput | undefined) ?? null;
}
