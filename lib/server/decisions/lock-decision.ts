import "server-only";
import type { Tx } from "../../db";
import { AppError } from "../../errors";

/** Takes the decision's row lock for the rest of the transaction and returns its current state. */
export async function lockDecision(tx: Tx, decisionId: string) {
  const rows = await tx.$queryRaw<{ status: "DRAFT" | "OPEN" | "CLOSED"; deadline: Date | null; projectId: string }[]>`
    SELECT status, deadline, "projectId" FROM "Decision" WHERE id = ${decisionId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("not_found", "No such decision.");
  return row;
}
