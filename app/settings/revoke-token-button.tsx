"use client";
// Revoking asks once more: scripts using the token stop working at once.
import { useActionState, useState } from "react";
import { Button } from "@/components/button";
import { FieldError } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import { idleState, type FormState } from "../_lib/form-state";

export function RevokeTokenButton({
  action,
  tokenName,
}: {
  action: (state: FormState) => Promise<FormState>;
  tokenName: string;
}) {
  const [state, formAction] = useActionState(action, idleState);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button variant="danger-ghost" size="sm" onClick={() => setConfirming(true)}>
        Revoke<span className="sr-only"> token {tokenName}</span>
      </Button>
    );
  }
  return (
    <form action={formAction} className="flex flex-col items-end gap-1.5">
      <span className="text-sm text-fg-muted">Revoke now?</span>
      <div className="flex items-center gap-2">
        <SubmitButton variant="danger" size="sm" pendingLabel="Revoking…">
          Yes, revoke<span className="sr-only"> {tokenName}</span>
        </SubmitButton>
        <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
      {state.status === "error" && state.message ? <FieldError>{state.message}</FieldError> : null}
    </form>
  );
}
