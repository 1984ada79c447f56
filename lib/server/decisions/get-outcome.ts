// What a closed vote decided, for the decision's overview: the winners with their totals, the result's
// flags and the option the record names. Nothing while the vote is open or in draft (blind voting).
import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";
import { computeResultsFromTallies } from "./compute-results";
import { loadDecision } from "./load";

export async function getOutcome(actor: Actor, decisionId: string) {
  const { decision } = await loadDecision(decisionId, actor.userId);
  if (decision.status !== "CLOSED") return null;
  // An imported record's decision was taken outside Verdict: it has no criteria, so no vote to report.
  if (decision.criteria.length === 0 || decision.options.length === 0) return null;
  const db = getDb();
  const [result, record] = await Promise.all([
    computeResultsFromTallies(db, decisionId, decision),
    db.decisionRecord.findUnique({ where: { decisionId }, select: { status: true, chosenOptionId: true } }),
  ]);
  const nameOf = new Map(decision.options.map((o) => [o.id, o.name]));
  const ranked = result.options.filter((o) => o.total !== null);
  const winners = ranked.filter((o) => result.winnerOptionIds.includes(o.optionId));
  const runnerUp = ranked.find((o) => !result.winnerOptionIds.includes(o.optionId)) ?? null;
  return {
    voted: result.participation.voted,
    winners: winners.map((o) => ({ optionId: o.optionId, name: o.name, total: o.total! })),
    runnerUp: runnerUp ? { name: runnerUp.name, total: runnerUp.total! } : null,
    flags: result.flags,
    robustness: result.robustness,
    record: record
      ? {
          status: record.status,
          chosenOption: record.chosenOptionId ? (nameOf.get(record.chosenOptionId) ?? null) : null,
        }
      : null,
  };
}
