"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/alert";
import { ROLE_LABEL, ROLE_SUMMARY, ROLES } from "@/components/badge";
import { CopyButton } from "@/components/copy-button";
import { controlClasses, SelectField } from "@/components/field";
import { LinkIcon } from "@/components/icons";
import { SubmitButton } from "@/components/submit-button";
import type { RoleName } from "@/lib/schemas/project";
import type { InviteState } from "./actions";

const initial: InviteState = { status: "idle" };

export function InviteForm({
  action,
}: {
  action: (state: InviteState, formData: FormData) => Promise<InviteState>;
}) {
  const [state, formAction] = useActionState(action, initial);
  const [role, setRole] = useState<RoleName>("MEMBER");
  const invite = state.status === "success" ? state.invite : undefined;

  return (
    <div className="space-y-4">
      {/* React resets a form after its action; keep the chosen role for the next invite instead. */}
      <form
        action={formAction}
        onReset={(event) => event.preventDefault()}
        className="flex flex-col gap-3 sm:flex-row sm:items-start"
      >
        <SelectField
          label="Invite as"
          name="role"
          id="invite-role"
          defaultValue={role}
          onChange={(event) => setRole(event.target.value as RoleName)}
          hint={ROLE_SUMMARY[role]}
          error={state.status === "error" ? (state.fieldErrors?.role ?? state.message) : undefined}
          className="sm:w-80"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </SelectField>
        <SubmitButton pendingLabel="Creating link…" className="sm:mt-[26px]">
          <LinkIcon className="size-4" />
          Create invite link
        </SubmitButton>
      </form>

      {invite ? (
        <Alert
          tone="success"
          title={`Invite link for a new ${ROLE_LABEL[invite.role as RoleName] ?? invite.role}`}
        >
          <div className="mt-2 flex flex-col gap-2 sm:flex-row">
            <label htmlFor="invite-link" className="sr-only">
              Invite link
            </label>
            <input
              id="invite-link"
              readOnly
              value={invite.url}
              onFocus={(event) => event.currentTarget.select()}
              className={`${controlClasses} h-10 min-w-0 flex-1 font-mono text-xs`}
            />
            <CopyButton value={invite.url} label="Copy link" />
          </div>
          <p className="mt-2 text-xs">
            It works once and expires{" "}
            <time dateTime={invite.expiresAt}>
              {new Date(invite.expiresAt).toLocaleString(undefined, {
                dateStyle: "medium",
                timeStyle: "short",
              })}
            </time>
            . Send it only to the person you mean to invite.
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
