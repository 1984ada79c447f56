// Reads for the decision pages (not server actions): the caller and the decision, once per request.
import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { getDecision } from "@/lib/server/decisions/get-decision";
import { requireActor } from "../../../_lib/session";

export type DecisionView = Awaited<ReturnType<typeof getDecision>>;

/**
 * The signed-in caller and a decision of this project they may see. Unknown ids, decisions of other
 * projects and projects the caller is not in all get the same 404 page.
 */
export const loadDecisionPage = cache(async (projectId: string, decisionId: string, callbackPath: string) => {
  const actor = await requireActor(callbackPath);
  let decision: DecisionView;
  try {
    decision = await getDecision(actor, decisionId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  // A decision id under another project's URL is not found here either.
  if (decision.projectId !== projectId) notFound();
  return { actor, decision };
});

/** Runs a read and turns the server layer's not_found into the 404 page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export const decisionPath = (projectId: string, decisionId: string) => `/projects/${projectId}/decisions/${decisionId}`;

/** Results can be read after close, or while open when the reveal policy is LIVE. */
/** Whether results may be shown: a decision imported with its record (no criteria) was never voted on here. */
export const resultsVisible = (d: Pick<DecisionView, "status" | "revealPolicy" | "criteria">) =>
  d.criteria.length > 0 && (d.status === "CLOSED" || (d.status === "OPEN" && d.revealPolicy === "LIVE"));
