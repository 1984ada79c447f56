"use client";

import { useActionState } from "react";
import { CopyButton } from "@/components/copy-button";
import { controlClasses, TextField } from "@/components/field";
import { KeyIcon } from "@/components/icons";
import { SubmitButton } from "@/components/submit-button";
import { createTokenAction, type TokenState } from "./actions";

const initial: TokenState = { status: "idle" };

export function CreateTokenForm() {
  const [state, formAction] = useActionState(createTokenAction, initial);
  const created = state.status === "success" ? state.created : undefined;
  return (
    <div className="space-y-4">
      {created ? (
        <div
          role="status"
          className="rounded-lg border border-amber-500/40 bg-warning-soft p-4 text-sm text-fg"
        >
          <p className="font-semibold text-warning-text">Copy your new token “{created.name}” now</p>
          <p className="mt-1 text-fg-muted">
            For your security it is shown only this once. Store it in a secret manager; if you lose it, revoke
            it and create another.
          </p>
          <div className="mt-3 flex flex-col gap-2 sm:flex-row">
            <label htmlFor="new-token" className="sr-only">
              New API token
            </label>
            <input
              id="new-token"
              readOnly
              value={created.token}
              onFocus={(event) => event.currentTarget.select()}
              className={`${controlClasses} h-10 min-w-0 flex-1 font-mono text-xs`}
            />
            <CopyButton value={created.token} label="Copy token" />
          </div>
        </div>
      ) : null}
      <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField
          label="Token name"
          name="name"
          required
          maxLength={100}
          placeholder="e.g. CI pipeline"
          hint="Say where it will be used, so you know which one to revoke later."
          defaultValue={state.status === "error" ? state.values?.name : undefined}
          error={state.status === "error" ? (state.fieldErrors?.name ?? state.message) : undefined}
          className="sm:flex-1"
        />
        <SubmitButton pendingLabel="Creating…" className="sm:mt-[26px]">
          <KeyIcon className="size-4" />
          Create token
        </SubmitButton>
      </form>
    </div>
  );
}
