"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import { idleState, type FormState } from "../_lib/form-state";

export function RevokeSessionButton({
  action,
  label,
}: {
  action: (state: FormState) => Promise<FormState>;
  label: string;
}) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1.5">
      <SubmitButton variant="danger-ghost" size="sm" pendingLabel="Signing out…">
        Sign out<span className="sr-only"> {label}</span>
      </SubmitButton>
      {state.status === "error" && state.message ? <FieldError>{state.message}</FieldError> : null}
    </form>
  );
}
