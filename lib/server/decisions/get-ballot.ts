import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { loadDecision } from "./load";
import { ballotInclude, presentBallot } from "./shape";

/** The caller's own ballot, or after close another voter's for owners, leads and auditors. */
export async function getBallot(actor: Actor, decisionId: string, voterId = actor.userId) {
  const { decision, role } = await loadDecision(decisionId, actor.userId);
  if (voterId !== actor.userId) {
    if (decision.status !== "CLOSED") throw new AppError("conflict", "Ballots stay private until the vote closes.");
    if (!["OWNER", "LEAD", "AUDITOR"].includes(role)) throw new AppError("forbidden", "Only owners, leads and auditors can read other members' ballots.");
  }
  const ballot = await getDb().ballot.findUnique({
    where: { decisionId_voterId: { decisionId, voterId } },
    include: ballotInclude,
  });
  if (!ballot) return null;
  return presentBallot(ballot, decision.criteria);
}
