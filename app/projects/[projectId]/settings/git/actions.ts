"use server";

import { revalidatePath } from "next/cache";
import { deleteRepositoryConnection, saveRepositoryConnection } from "@/lib/server/git/connection";
import { publishNow, resolveConflict } from "@/lib/server/git/publish-log";
import { formStateFromError, formString, type FormState } from "../../../../_lib/form-state";
import { requireActor } from "../../../../_lib/session";

const gitPath = (projectId: string) => `/projects/${projectId}/settings/git`;

export async function saveConnectionAction(
  projectId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await requireActor(gitPath(projectId));
  const values = {
    remoteUrl: formString(formData, "remoteUrl"),
    branch: formString(formData, "branch"),
    folder: formString(formData, "folder"),
    proposedBranches: formData.get("proposedBranches") === "on" ? "on" : "",
  };
  const username = formString(formData, "username").trim();
  const secret = formString(formData, "secret");
  const credentials =
    formData.get("removeCredentials") === "on" ? null : username || secret ? { username, secret } : undefined;
  try {
    await saveRepositoryConnection(actor, projectId, {
      remoteUrl: values.remoteUrl,
      branch: values.branch.trim() || "main",
      folder: values.folder,
      proposedBranches: values.proposedBranches === "on",
      ...(credentials !== undefined && { credentials }),
    });
    revalidatePath(gitPath(projectId));
    return { status: "success", message: "Connected: the repository answered with these settings.", values };
  } catch (error) {
    const state = formStateFromError(error, values);
    // Issues about the credential object belong to its two fields.
    if (state.fieldErrors) {
      for (const [key, message] of Object.entries(state.fieldErrors)) {
        if (key === "credentials.username") state.fieldErrors.username = message;
        if (key === "credentials.secret" || key === "credentials") state.fieldErrors.secret = message;
      }
    }
    return state;
  }
}

export async function disconnectAction(projectId: string): Promise<FormState> {
  const actor = await requireActor(gitPath(projectId));
  try {
    await deleteRepositoryConnection(actor, projectId);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath(gitPath(projectId));
  return {
    status: "success",
    message: "Disconnected. Nothing more is pushed; the repository keeps what it has.",
  };
}

export async function publishNowAction(
  projectId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await requireActor(gitPath(projectId));
  try {
    const result = await publishNow(actor, projectId, { all: formData.get("all") === "on" });
    revalidatePath(gitPath(projectId));
    const queued = result.queued + result.retried;
    return {
      status: "success",
      message:
        queued === 0
          ? "Nothing was waiting; everything queued has been tried."
          : `Tried ${queued} publication(s); see the log below.`,
    };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function overwriteAction(projectId: string, publicationId: string): Promise<FormState> {
  const actor = await requireActor(gitPath(projectId));
  try {
    await resolveConflict(actor, projectId, publicationId, { resolution: "overwrite" });
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath(gitPath(projectId));
  return { status: "success", message: "Overwritten with Verdict's version." };
}
