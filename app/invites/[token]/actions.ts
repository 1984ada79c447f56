"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { acceptInvite } from "@/lib/server/members/accept-invite";
import { formStateFromError, type FormState } from "../../_lib/form-state";
import { requireActor } from "../../_lib/session";

export async function acceptInviteAction(token: string): Promise<FormState> {
  const actor = await requireActor(`/invites/${token}`);
  let projectId: string;
  try {
    ({ projectId } = await acceptInvite(actor, token));
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/projects");
  redirect(`/projects/${projectId}`);
}
