"use client";

import { useActionState, useState } from "react";
import { ROLE_LABEL, ROLES } from "@/components/badge";
import { controlClasses, FieldError } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import type { RoleName } from "@/lib/schemas/project";
import { idleState, type FormState } from "../../../_lib/form-state";

export function MemberRoleForm({
  action,
  memberName,
  role,
  controlId,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  memberName: string;
  role: RoleName;
  controlId: string;
}) {
  const [state, formAction] = useActionState(action, idleState);
  const [value, setValue] = useState<RoleName>(role);
  const error = state.status === "error" ? (state.fieldErrors?.role ?? state.message) : undefined;
  return (
    // The select is uncontrolled because React resets the form once the action settles: the reset puts
    // back the member's actual role (after a refusal too), and onReset clears the pending change.
    <form action={formAction} onReset={() => setValue(role)} className="space-y-1.5">
      <div className="flex items-center gap-2">
        <label htmlFor={controlId} className="sr-only">
          Role for {memberName}
        </label>
        <div className="w-32 shrink-0">
          <select
            id={controlId}
            name="role"
            defaultValue={role}
            onChange={(event) => setValue(event.target.value as RoleName)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${controlId}-error` : undefined}
            className={`${controlClasses} h-8 pr-7`}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </div>
        {value !== role ? (
          <SubmitButton size="sm" pendingLabel="Saving…">
            Save<span className="sr-only"> role for {memberName}</span>
          </SubmitButton>
        ) : null}
      </div>
      {error ? <FieldError id={`${controlId}-error`}>{error}</FieldError> : null}
    </form>
  );
}
