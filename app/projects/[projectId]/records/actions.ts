"use server";
// Server actions of the record pages. Each signs the caller in and calls one server operation, which
// checks permission, state and input itself; the form gets the server's own words back.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import type { SafeHtml } from "@/lib/render-markdown";
import { acceptRecord } from "@/lib/server/records/accept-record";
import { deprecateRecord } from "@/lib/server/records/deprecate-record";
import { rejectRecord } from "@/lib/server/records/reject-record";
import { previewRecord } from "@/lib/server/records/preview-record";
import { saveNarrative } from "@/lib/server/records/save-narrative";
import { supersedeRecord } from "@/lib/server/records/supersede-record";
import { formStateFromError, formString, type FormState } from "../../../_lib/form-state";
import { requireActor } from "../../../_lib/session";
import { recordPath } from "./data";

export type RecordActionState = FormState & { at?: number };

function refresh(projectId: string) {
  // Record statuses also show on the decision pages and the overview.
  revalidatePath(`/projects/${projectId}`, "layout");
}

/** Saves the editor's narrative as a new version, then shows the record. */
export async function saveNarrativeAction(
  projectId: string,
  decisionId: string,
  input: unknown,
): Promise<RecordActionState> {
  const actor = await requireActor(`${recordPath(projectId, decisionId)}/edit`);
  try {
    await saveNarrative(actor, decisionId, input);
  } catch (error) {
    return { ...formStateFromError(error), at: Date.now() };
  }
  refresh(projectId);
  redirect(`${recordPath(projectId, decisionId)}?saved=1`);
}

/** The record as it would read with the editor's unsaved text, rendered and sanitized on the server. */
export async function previewNarrativeAction(
  projectId: string,
  decisionId: string,
  input: unknown,
): Promise<{ ok: true; html: SafeHtml } | { ok: false; message: string }> {
  const actor = await requireActor(`${recordPath(projectId, decisionId)}/edit`);
  try {
    return { ok: true, html: (await previewRecord(actor, decisionId, input)).html };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}

async function change(
  projectId: string,
  decisionId: string,
  run: (actor: Awaited<ReturnType<typeof requireActor>>) => Promise<unknown>,
  done: string,
  values?: Record<string, string>,
): Promise<RecordActionState> {
  const actor = await requireActor(recordPath(projectId, decisionId));
  try {
    await run(actor);
  } catch (error) {
    const state = formStateFromError(error, values);
    // A refusal that names no field (e.g. "a lead must pick an option") is the form's message.
    return { ...state, message: state.message ?? (error as AppError).message, at: Date.now() };
  }
  refresh(projectId);
  return { status: "success", message: done, at: Date.now() };
}

export async function acceptRecordAction(
  projectId: string,
  decisionId: string,
  _previous: RecordActionState,
  form: FormData,
): Promise<RecordActionState> {
  const comment = formString(form, "comment").trim();
  return change(
    projectId,
    decisionId,
    (actor) => acceptRecord(actor, decisionId, comment ? { comment } : {}),
    "The record is accepted.",
    { comment },
  );
}

export async function rejectRecordAction(
  projectId: string,
  decisionId: string,
  _previous: RecordActionState,
  form: FormData,
): Promise<RecordActionState> {
  const comment = formString(form, "comment");
  return change(
    projectId,
    decisionId,
    (actor) => rejectRecord(actor, decisionId, { comment }),
    "The record is rejected.",
    { comment },
  );
}

export async function deprecateRecordAction(
  projectId: string,
  decisionId: string,
  _previous: RecordActionState,
  form: FormData,
): Promise<RecordActionState> {
  const comment = formString(form, "comment").trim();
  return change(
    projectId,
    decisionId,
    (actor) => deprecateRecord(actor, decisionId, comment ? { comment } : {}),
    "The record is deprecated.",
    { comment },
  );
}

export async function supersedeRecordAction(
  projectId: string,
  decisionId: string,
  _previous: RecordActionState,
  form: FormData,
): Promise<RecordActionState> {
  const byDecisionId = formString(form, "byDecisionId");
  const comment = formString(form, "comment").trim();
  return change(
    projectId,
    decisionId,
    (actor) => supersedeRecord(actor, decisionId, { byDecisionId, ...(comment ? { comment } : {}) }),
    "The record is superseded.",
    { byDecisionId, comment },
  );
}
