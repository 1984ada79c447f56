// A closed decision's ballots as CSV, one row per voter × option × criterion. Ballots follow the
// ballots API's rules: owners, leads and auditors get every ballot and members their own.
import "server-only";
import Papa from "papaparse";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { listBallots } from "../decisions/list-ballots";
import { loadDecision } from "../decisions/load";
import { decisionKey } from "../decisions/shape";

export const BALLOT_CSV_FIELDS = [
  "decision",
  "voter_id",
  "voter_name",
  "option",
  "criterion",
  "score",
  "abstained",
  "rationale",
  "importance",
  "ballot_comment",
  "revision",
  "submitted_at",
] as const;

/** One row per voter × option × criterion, including cells a voter left unscored. */
export async function exportBallotsCsv(actor: Actor, decisionId: string) {
  const { decision } = await loadDecision(decisionId, actor.userId);
  if (decision.status !== "CLOSED") {
    throw new AppError(
      "conflict",
      "Ballots can be exported once the vote closes; until then they stay private.",
    );
  }
  const ballots = await listBallots(actor, decisionId);
  const key = decisionKey(decision.number);
  const rows: (string | number)[][] = [];
  for (const ballot of ballots) {
    const scores = new Map(ballot.scores.map((s) => [`${s.optionId}\u0000${s.criterionId}`, s]));
    const importance = new Map(ballot.importances.map((i) => [i.criterionId, i.value]));
    for (const option of decision.options) {
      for (const criterion of decision.criteria) {
        const score = scores.get(`${option.id}\u0000${criterion.id}`);
        rows.push([
          key,
          ballot.voter.id,
          ballot.voter.name,
          option.name,
          criterion.name,
          score?.value ?? "",
          score === undefined ? "not scored" : score.value === null ? "yes" : "no",
          score?.rationale ?? "",
          importance.get(criterion.id) ?? "",
          ballot.comment,
          ballot.revision,
          ballot.submittedAt.toISOString(),
        ]);
      }
    }
  }
  // A cell starting like a formula ("=HYPERLINK(…)") gets a leading quote so no spreadsheet runs it;
  // papaparse's own pattern misses values with a line break, hence ours.
  const csv = Papa.unparse(
    { fields: [...BALLOT_CSV_FIELDS], data: rows },
    { escapeFormulae: /^[=+\-@\t\r]/, newline: "\r\n" },
  );
  return { fileName: `${key.toLowerCase()}-ballots.csv`, csv: `${csv}\r\n` };
}
