"use client";
// A one-click server action (Send test, Redeliver, Delete) with its pending state and its answer.
import { useActionState } from "react";
import type { ButtonSize, ButtonVariant } from "../button";
import { FieldError } from "../field";
import { SubmitButton } from "../submit-button";

interface ActionState {
  status: "idle" | "error" | "success";
  message?: string;
}

export function ActionButton({
  action,
  children,
  pendingLabel,
  variant = "secondary",
  size = "sm",
  confirm,
}: {
  action: (state: ActionState) => Promise<ActionState>;
  children: React.ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Asked in the browser's own dialog before the action runs. */
  confirm?: string;
}) {
  const [state, formAction] = useActionState(action, { status: "idle" } as ActionState);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
      className="flex flex-col items-start gap-1"
    >
      <SubmitButton variant={variant} size={size} pendingLabel={pendingLabel}>
        {children}
      </SubmitButton>
      {state.status === "error" && state.message ? <FieldError>{state.message}</FieldError> : null}
      {state.status === "success" && state.message ? (
        <p role="status" className="text-xs text-fg-muted">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
