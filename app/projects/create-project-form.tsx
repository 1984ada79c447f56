"use client";

import { useActionState } from "react";
import { Alert } from "@/components/alert";
import { TextAreaField, TextField } from "@/components/field";
import { PlusIcon } from "@/components/icons";
import { SubmitButton } from "@/components/submit-button";
import { idleState } from "../_lib/form-state";
import { createProjectAction } from "./actions";

export function CreateProjectForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const [state, formAction] = useActionState(createProjectAction, idleState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4 text-left">
      {state.status === "error" && state.message ? <Alert>{state.message}</Alert> : null}
      <TextField
        label="Project name"
        name="name"
        required
        maxLength={100}
        placeholder="e.g. ML Platform"
        autoFocus={autoFocus}
        defaultValue={state.values?.name}
        error={errors.name}
      />
      <TextAreaField
        label="Description"
        name="description"
        rows={3}
        maxLength={2000}
        placeholder="What does this team decide on?"
        hint="Optional. Shown to everyone in the project."
        defaultValue={state.values?.description}
        error={errors.description}
      />
      <SubmitButton className="w-full" pendingLabel="Creating project…">
        <PlusIcon className="size-4" />
        Create project
      </SubmitButton>
    </form>
  );
}
