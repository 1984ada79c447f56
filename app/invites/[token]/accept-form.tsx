"use client";

import { useActionState } from "react";
import { Alert } from "@/components/alert";
import { SubmitButton } from "@/components/submit-button";
import { idleState, type FormState } from "../../_lib/form-state";

export function AcceptInviteForm({ action }: { action: (state: FormState) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-4">
      {state.status === "error" && state.message ? <Alert>{state.message}</Alert> : null}
      <SubmitButton className="w-full" pendingLabel="Joining…">
        Accept invite
      </SubmitButton>
    </form>
  );
}
