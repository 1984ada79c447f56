"use server";

import { redirect } from "next/navigation";
import { createProject } from "@/lib/server/projects/create-project";
import { formStateFromError, formString, type FormState } from "../_lib/form-state";
import { requireActor } from "../_lib/session";

export async function createProjectAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor("/projects");
  const name = formString(formData, "name");
  const description = formString(formData, "description");
  let projectId: string;
  try {
    ({ id: projectId } = await createProject(actor, { name, description }));
  } catch (error) {
    return formStateFromError(error, { name, description });
  }
  redirect(`/projects/${projectId}`);
}
