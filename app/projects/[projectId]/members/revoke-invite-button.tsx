"use client";
// Revoking a pending link: one click, since a new link is one click away too.
import { useActionState } from "react";
import { FieldError } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import { idleState, type FormState } from "../../../_lib/form-state";

export function RevokeInviteButton({
  action,
  description,
}: {
  action: (state: FormState) => Promise<FormState>;
  /** Which link this is, for screen readers: "Member invite for dana@example.com". */
  description: string;
}) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <SubmitButton variant="danger-ghost" size="sm" pendingLabel="Revoking…">
        Revoke<span className="sr-only"> {description}</span>
      </SubmitButton>
      {state.status === "error" && state.message ? <FieldError>{state.message}</FieldError> : null}
    </form>
  );
}
