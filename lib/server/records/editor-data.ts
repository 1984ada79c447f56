// What the narrative editor needs besides the record: the options to choose from and why the vote
// alone may not decide (a tie, a contested result).
import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";
import { loadDecision } from "../decisions/load";
import { computeResults } from "../decisions/compute-results";
import { getRecord } from "./get-record";

export async function getRecordEditor(actor: Actor, decisionId: string) {
  const { decision } = await loadDecision(decisionId, actor.userId, "record.manage");
  const record = await getRecord(actor, decisionId);
  const result = record.historical ? null : await computeResults(getDb(), decisionId);
  const winners = result?.winnerOptionIds ?? [];
  return {
    record,
    options: decision.options.map((o) => ({ id: o.id, name: o.name })),
    winnerOptionIds: winners,
    flags: result?.flags ?? [],
    /** The option the numbers choose on their own: one winner the Borda count agrees with. */
    clearWinnerId: winners.length === 1 && !result?.flags.includes("contested") ? winners[0]! : null,
  };
}
