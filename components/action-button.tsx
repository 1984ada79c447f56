"use client";
// A one-button form for a server action (Send test, Publish now, Disconnect…) with its pending state and its answer.
import { useActionState } from "react";
import type { ButtonSize, ButtonVariant } from "./button";
import { FieldError } from "./field";
import { SubmitButton } from "./submit-button";

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
  hidden,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  children: React.ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Asked in the browser's own dialog before the action runs. */
  confirm?: string;
  /** Extra form fields, e.g. `{ all: "on" }`. */
  hidden?: Record<string, string>;
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
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
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
