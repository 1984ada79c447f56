// One decision's evidence for archiving or analysis elsewhere, as JSON with ballots and result.
// Ballots follow the ballots API's rules: after close, owners, leads and auditors get every ballot
// and members their own.
import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";
import { loadDecision } from "../decisions/load";
import { computeResults } from "../decisions/compute-results";
import { presentDecision } from "../decisions/shape";
import { listBallots } from "../decisions/list-ballots";
import { resultsForRole } from "../decisions/present-results";

export async function exportDecision(actor: Actor, decisionId: string) {
  const { decision, role } = await loadDecision(decisionId, actor.userId);
  const closed = decision.status === "CLOSED";
  const db = getDb();
  const live = decision.status === "OPEN" && decision.revealPolicy === "LIVE";
  const [ballots, result, record] = await Promise.all([
    closed ? listBallots(actor, decisionId) : null,
    closed || live ? computeResults(db, decisionId) : null,
    db.decisionRecord.findUnique({
      where: { decisionId },
      select: {
        id: true,
        status: true,
        chosenOptionId: true,
        historical: true,
        versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, markdown: true } },
      },
    }),
  ]);
  return {
    format: "verdict.decision-export",
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    decision: presentDecision(decision),
    ballots,
    result: result ? resultsForRole(result, role) : null,
    record: record
      ? {
          id: record.id,
          status: record.status,
          chosenOptionId: record.chosenOptionId,
          historical: record.historical,
          version: record.versions[0]?.version ?? null,
          markdown: record.versions[0]?.markdown ?? null,
        }
      : null,
  };
}
