"use client";

import { useActionState } from "react";
import { Alert } from "@/components/alert";
import { TextField } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import { idleState } from "../_lib/form-state";
import { changePasswordAction } from "./session-actions";

export function ChangePasswordForm() {
  const [state, formAction] = useActionState(changePasswordAction, idleState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4">
      {state.status === "success" && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      {state.status === "error" && state.message ? <Alert>{state.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={200}
          hint="At least 8 characters. Your other browsers will be signed out."
          error={errors.newPassword}
        />
      </div>
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}
