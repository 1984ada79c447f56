"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { changeMemberRole } from "@/lib/server/members/change-member-role";
import { createInvites } from "@/lib/server/members/create-invites";
import { removeMember } from "@/lib/server/members/remove-member";
import { revokeInvite } from "@/lib/server/members/revoke-invite";
import { formStateFromError, formString, type FormState } from "../../../_lib/form-state";
import { requireActor } from "../../../_lib/session";

const membersPath = (projectId: string) => `/projects/${projectId}/members`;

export interface InviteState extends FormState {
  invites?: { url: string; role: string; label: string; expiresAt: string }[];
}

/** Where invite links point: the configured public address, else the address this request came to. */
async function publicOrigin() {
  if (process.env.AUTH_URL) return process.env.AUTH_URL;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto =
    h.get("x-forwarded-proto") ??
    (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export async function createInviteAction(
  projectId: string,
  _previous: InviteState,
  formData: FormData,
): Promise<InviteState> {
  const actor = await requireActor(membersPath(projectId));
  const role = formString(formData, "role");
  const count = formString(formData, "count") || "1";
  const labelsText = formString(formData, "labels");
  const labels = labelsText
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  try {
    const invites = await createInvites(actor, projectId, { role, count, labels }, await publicOrigin());
    revalidatePath(membersPath(projectId));
    return {
      status: "success",
      invites: invites.map((invite) => ({
        url: invite.url,
        role: invite.role,
        label: invite.label,
        expiresAt: invite.expiresAt.toISOString(),
      })),
    };
  } catch (error) {
    const state = formStateFromError(error, { role, count, labels: labelsText });
    // Issues about one line of the list ("labels.3") belong to the list as a whole.
    if (state.fieldErrors) {
      for (const [key, message] of Object.entries(state.fieldErrors)) {
        if (key.startsWith("labels.")) state.fieldErrors.labels ??= message;
      }
    }
    return state;
  }
}

export async function revokeInviteAction(projectId: string, inviteId: string): Promise<FormState> {
  const actor = await requireActor(membersPath(projectId));
  try {
    await revokeInvite(actor, projectId, inviteId);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath(membersPath(projectId));
  return { status: "success", message: "Invite revoked." };
}

export async function changeRoleAction(
  projectId: string,
  userId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await requireActor(membersPath(projectId));
  const role = formString(formData, "role");
  try {
    await changeMemberRole(actor, projectId, userId, { role });
  } catch (error) {
    return formStateFromError(error, { role });
  }
  // The header and overview show roles too.
  revalidatePath(`/projects/${projectId}`, "layout");
  return { status: "success", message: "Role updated." };
}

export async function removeMemberAction(projectId: string, userId: string): Promise<FormState> {
  const actor = await requireActor(membersPath(projectId));
  try {
    await removeMember(actor, projectId, userId);
  } catch (error) {
    return formStateFromError(error);
  }
  // Leaving a project means it no longer exists for you.
  if (userId === actor.userId) redirect("/projects");
  revalidatePath(`/projects/${projectId}`, "layout");
  return { status: "success", message: "Member removed." };
}
