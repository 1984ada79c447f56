"use client";

import { useActionState } from "react";
import { Alert } from "@/components/alert";
import { TextField } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import { idleState } from "../_lib/form-state";
import { changeNameAction } from "./actions";

export function ChangeNameForm({ name }: { name: string }) {
  const [state, formAction] = useActionState(changeNameAction, idleState);
  return (
    <form action={formAction} className="space-y-3">
      {state.status === "success" && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField
          label="Display name"
          name="name"
          id="display-name"
          autoComplete="name"
          required
          maxLength={100}
          defaultValue={state.values?.name ?? name}
          hint="Shown on ballots, records and in every project's history. Each project's audit log notes the change."
          error={state.fieldErrors?.name ?? (state.status === "error" ? state.message : undefined)}
          className="sm:w-80"
        />
        <SubmitButton pendingLabel="Saving…" variant="secondary" className="sm:mt-[26px]">
          Save name
        </SubmitButton>
      </div>
    </form>
  );
}
