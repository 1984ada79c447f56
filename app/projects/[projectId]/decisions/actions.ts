"use server";
// Server actions of the decision pages. Each one signs the caller in, calls one server operation
// (which checks permission, state and input itself) and hands the form what to show.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { closeDecision } from "@/lib/server/decisions/close-decision";
import { createDecision } from "@/lib/server/decisions/create-decision";
import { openDecision } from "@/lib/server/decisions/open-decision";
import { reopenDecision } from "@/lib/server/decisions/reopen-decision";
import { startScoring } from "@/lib/server/decisions/start-scoring";
import { updateDecision } from "@/lib/server/decisions/update-decision";
import { formStateFromError, formString, type FormState } from "../../../_lib/form-state";
import { requireActor } from "../../../_lib/session";

const decisionsPath = (projectId: string) => `/projects/${projectId}/decisions`;

/** A lifecycle form's state; `at` tells the controls which outcome is the latest. */
export type LifecycleState = FormState & { at?: number };

/** Creates (decisionId null) or edits a DRAFT decision; on success goes to the decision's page. */
export async function saveDecisionAction(projectId: string, decisionId: string | null, input: unknown): Promise<FormState> {
  const actor = await requireActor(decisionId ? `${decisionsPath(projectId)}/${decisionId}/edit` : `${decisionsPath(projectId)}/new`);
  let saved: { id: string; projectId: string };
  try {
    saved = decisionId ? await updateDecision(actor, decisionId, input) : await createDecision(actor, projectId, input);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath(decisionsPath(saved.projectId), "layout");
  redirect(`${decisionsPath(saved.projectId)}/${saved.id}`);
}

/** Lifecycle changes report the server's own message: it says what was wrong and what to do. */
function lifecycleError(error: unknown): LifecycleState {
  if (!(error instanceof AppError)) throw error;
  const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
  const reason = error.code === "unprocessable" && issues.length && !error.message.includes(issues[0]!.message) ? ` (${issues[0]!.message})` : "";
  return { status: "error", message: `${error.message}${reason}`, at: Date.now() } satisfies LifecycleState;
}

async function lifecycle(projectId: string, decisionId: string, change: (actor: Awaited<ReturnType<typeof requireActor>>) => Promise<unknown>, done: string) {
  const actor = await requireActor(`${decisionsPath(projectId)}/${decisionId}`);
  try {
    await change(actor);
  } catch (error) {
    return lifecycleError(error);
  }
  revalidatePath(decisionsPath(projectId), "layout");
  return { status: "success", message: done, at: Date.now() } satisfies LifecycleState;
}

export async function openDecisionAction(projectId: string, decisionId: string): Promise<LifecycleState> {
  return lifecycle(projectId, decisionId, (actor) => openDecision(actor, decisionId), "Voting is open.");
}

export async function startScoringAction(projectId: string, decisionId: string): Promise<LifecycleState> {
  return lifecycle(projectId, decisionId, (actor) => startScoring(actor, decisionId), "Scoring is open: voters can now score the options.");
}

export async function closeDecisionAction(projectId: string, decisionId: string): Promise<LifecycleState> {
  return lifecycle(projectId, decisionId, (actor) => closeDecision(actor, decisionId), "Voting is closed and the decision record was proposed.");
}

export async function reopenDecisionAction(projectId: string, decisionId: string, _previous: LifecycleState, form: FormData): Promise<LifecycleState> {
  const reason = formString(form, "reason");
  const actor = await requireActor(`${decisionsPath(projectId)}/${decisionId}`);
  try {
    await reopenDecision(actor, decisionId, { reason });
  } catch (error) {
    // A short reason is a field error; a record already accepted is a message for the whole dialog.
    if (error instanceof AppError && error.code === "unprocessable") return { ...formStateFromError(error, { reason }), message: undefined, at: Date.now() };
    return { ...lifecycleError(error), values: { reason } };
  }
  revalidatePath(decisionsPath(projectId), "layout");
  return { status: "success", message: "Voting is open again.", at: Date.now() } satisfies LifecycleState;
}

/** While OPEN the reveal policy may only get stricter: live results become hidden until close. */
export async function hideResultsAction(projectId: string, decisionId: string): Promise<LifecycleState> {
  return lifecycle(projectId, decisionId, (actor) => updateDecision(actor, decisionId, { revealPolicy: "AFTER_CLOSE" }), "Results are now hidden until the vote closes.");
}
