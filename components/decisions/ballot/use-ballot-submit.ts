// Sending the whole ballot. The server stores it idempotently and answers field issues by path
// (`scores.3.value`), which come back here as the cells to mark.
import { useState } from "react";
import type { BallotInput } from "@/lib/schemas/decision";
import { readApiError } from "./api-error";
import { cellKey } from "./use-ballot-state";

export type SubmitState =
  | { kind: "idle" }
  | { kind: "submitting" }
  | { kind: "success"; revision: number }
  | { kind: "error"; message: string; signIn?: boolean };

export function useBallotSubmit({
  decisionId,
  onAccepted,
  onRefusedCells,
}: {
  decisionId: string;
  onAccepted: (revision: number) => void;
  /** The cells (by cell key) that the server's issues point at; empty when none do. */
  onRefusedCells: (keys: Set<string>) => void;
}) {
  const [submit, setSubmit] = useState<SubmitState>({ kind: "idle" });

  async function send(ballot: BallotInput) {
    if (submit.kind === "submitting") return;
    setSubmit({ kind: "submitting" });
    try {
      const response = await fetch(`/api/v1/decisions/${decisionId}/ballot`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(ballot),
      });
      if (response.ok) {
        const stored = (await response.json()) as { revision: number };
        setSubmit({ kind: "success", revision: stored.revision });
        onAccepted(stored.revision);
        return;
      }
      const { message, issues } = await readApiError(response, "The ballot was not submitted");
      const refused = new Set<string>();
      for (const issue of issues) {
        const match = /^scores\.(\d+)/.exec(issue.path);
        const cell = match ? ballot.scores[Number(match[1])] : undefined;
        if (cell) refused.add(cellKey(cell.optionId, cell.criterionId));
      }
      onRefusedCells(refused);
      setSubmit({ kind: "error", message, signIn: response.status === 401 });
    } catch {
      setSubmit({ kind: "error", message: "No connection to the server. Your ballot was not submitted; try again in a moment." });
    }
  }

  return { submit, send };
}
