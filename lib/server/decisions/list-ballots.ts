import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";
import { loadDecision } from "./load";
import { ballotInclude, presentBallot } from "./shape";

/** Every ballot of a closed decision, for owners, leads and auditors; members get their own. */
export async function listBallots(actor: Actor, decisionId: string) {
  const { decision, role } = await loadDecision(decisionId, actor.userId);
  const everyone = ["OWNER", "LEAD", "AUDITOR"].includes(role) && decision.status === "CLOSED";
  const ballots = await getDb().ballot.findMany({
    where: { decisionId, ...(everyone ? {} : { voterId: actor.userId }) },
    include: ballotInclude,
    orderBy: { submittedAt: "asc" },
  });
  return ballots.map((ballot) => presentBallot(ballot, decision.criteria));
}
