"use server";
// Server actions of a record's review card. Each calls one server operation, which checks permission,
// state and input itself; the form gets the server's own words back.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { AppError } from "@/lib/errors";
import { confirmReview } from "@/lib/server/records/confirm-review";
import { setReviewDate } from "@/lib/server/records/set-review-date";
import { startReviewDecision } from "@/lib/server/records/start-review-decision";
import { formStateFromError, formString } from "../../../_lib/form-state";
import { requireActor } from "../../../_lib/session";
import type { RecordActionState } from "./actions";
import { recordPath } from "./data";

async function run(
  projectId: string,
  decisionId: string,
  operation: (actor: Awaited<ReturnType<typeof requireActor>>) => Promise<unknown>,
  done: string,
  values: Record<string, string>,
): Promise<RecordActionState> {
  const actor = await requireActor(recordPath(projectId, decisionId));
  try {
    await operation(actor);
  } catch (error) {
    const state = formStateFromError(error, values);
    return { ...state, message: state.message ?? (error as AppError).message, at: Date.now() };
  }
  // The due state shows on the overview and the records index too.
  revalidatePath(`/projects/${projectId}`, "layout");
  return { status: "success", message: done, at: Date.now() };
}

/** "Save" sets the typed date; the "Clear" button sends clear=1. An empty field is a 422, not a clear. */
export async function setReviewDateAction(
  projectId: string,
  decisionId: string,
  _previous: RecordActionState,
  form: FormData,
): Promise<RecordActionState> {
  const clear = formString(form, "clear") === "1";
  const reviewBy = formString(form, "reviewBy");
  return run(
    projectId,
    decisionId,
    (actor) => setReviewDate(actor, decisionId, { reviewBy: clear ? null : reviewBy }),
    clear ? "The review date is cleared." : `Review by ${reviewBy}.`,
    { reviewBy },
  );
}

export async function confirmReviewAction(
  projectId: string,
  decisionId: string,
  _previous: RecordActionState,
  form: FormData,
): Promise<RecordActionState> {
  const nextReviewBy = formString(form, "nextReviewBy");
  const comment = formString(form, "comment").trim();
  return run(
    projectId,
    decisionId,
    (actor) =>
      confirmReview(actor, decisionId, {
        nextReviewBy: nextReviewBy || null,
        ...(comment ? { comment } : {}),
      }),
    "Review confirmed: the decision still holds.",
    { nextReviewBy, comment },
  );
}

/** Starts the replacing decision and opens it for editing: it is a DRAFT prefilled from this one. */
export async function startReviewDecisionAction(
  projectId: string,
  decisionId: string,
): Promise<RecordActionState> {
  const actor = await requireActor(recordPath(projectId, decisionId));
  let created: { id: string };
  try {
    created = await startReviewDecision(actor, decisionId);
  } catch (error) {
    const state = formStateFromError(error);
    return { ...state, message: state.message ?? (error as AppError).message, at: Date.now() };
  }
  revalidatePath(`/projects/${projectId}`, "layout");
  redirect(`/projects/${projectId}/decisions/${created.id}/edit`);
}
