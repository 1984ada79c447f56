import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { computeResultsForRead } from "./compute-results";
import { loadDecision } from "./load";
import { mayNamePivotalVoters, resultsForRole } from "./present-results";

/**
 * Results for a member: after close, or live while OPEN when the reveal policy says so.
 * While hidden, nothing about scores leaves the server — not even to the lead. The uncertainty figures
 * come only when already computed for these ballots (`figures: "computing"` until then).
 */
export async function getResults(actor: Actor, decisionId: string) {
  const { decision, role } = await loadDecision(decisionId, actor.userId);
  if (decision.status === "DRAFT") throw new AppError("conflict", "The vote has not opened yet, so there are no results.");
  if (decision.status === "OPEN" && decision.revealPolicy !== "LIVE") {
    throw new AppError("conflict", "Results are hidden until the vote closes (blind voting).");
  }
  const nameVoters = mayNamePivotalVoters(decision.status, role);
  return resultsForRole(await computeResultsForRead(getDb(), decisionId, decision, { nameVoters }), role);
}
