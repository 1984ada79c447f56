"use client";
// A one-button form for a git settings action (publish now, disconnect, overwrite), with its outcome beside it.
import { useActionState } from "react";
import { FieldError } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import type { ButtonVariant } from "@/components/button";
import type { FormState } from "../../../../_lib/form-state";

const initial: FormState = { status: "idle" };

export function ActionButton({
  action,
  label,
  pendingLabel,
  variant = "secondary",
  confirm,
  hidden,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  label: React.ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
  /** Asked before submitting (e.g. before disconnecting). */
  confirm?: string;
  /** Extra form fields, e.g. `{all: "on"}`. */
  hidden?: Record<string, string>;
}) {
  const [state, formAction] = useActionState(action, initial);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
      className="flex flex-col items-start gap-1.5"
    >
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} size="sm" pendingLabel={pendingLabel}>
        {label}
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
