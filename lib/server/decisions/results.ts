import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { computeResults } from "./compute-results";
import { loadDecision } from "./load";

/**
 * Results for a member: after close, or live while OPEN when the reveal policy says so.
 * While hidden, nothing about scores leaves the server — not even to the lead.
 */
export async function getResults(actor: Actor, decisionId: string) {
  const { decision } = await loadDecision(decisionId, actor.userId);
  if (decision.status === "DRAFT") throw new AppError("conflict", "The vote has not opened yet, so there are no results.");
  if (decision.status === "OPEN" && decision.revealPolicy !== "LIVE") {
    throw new AppError("conflict", "Results are hidden until the vote closes (blind voting).");
  }
  return computeResults(getDb(), decisionId, decision);
}
