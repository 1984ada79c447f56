"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/alert";
import { ROLE_LABEL, ROLE_SUMMARY, ROLES } from "@/components/badge";
import { CopyButton } from "@/components/copy-button";
import { controlClasses, SelectField, TextAreaField, TextField } from "@/components/field";
import { LinkIcon } from "@/components/icons";
import { SubmitButton } from "@/components/submit-button";
import { MAX_INVITES_AT_ONCE } from "@/lib/schemas/invite-limits";
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
  const invites = state.status === "success" ? (state.invites ?? []) : [];
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const allLinks = invites
    .map((invite) => (invite.label ? `${invite.label}: ${invite.url}` : invite.url))
    .join("\n");

  return (
    <div className="space-y-4">
      {/* React resets a form after its action; keep the chosen role and names for the next round instead. */}
      <form action={formAction} onReset={(event) => event.preventDefault()} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-[minmax(0,20rem)_8rem]">
          <SelectField
            label="Invite as"
            name="role"
            id="invite-role"
            defaultValue={role}
            onChange={(event) => setRole(event.target.value as RoleName)}
            hint={ROLE_SUMMARY[role]}
            error={errors?.role ?? (state.status === "error" && !errors ? state.message : undefined)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="How many links"
            name="count"
            id="invite-count"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_INVITES_AT_ONCE}
            defaultValue={1}
            error={errors?.count}
          />
        </div>
        <TextAreaField
          label="For whom (optional)"
          name="labels"
          id="invite-labels"
          rows={3}
          placeholder={"dana@example.com\nOmar (data team)"}
          hint="One name or email per line makes one link each, labelled so you can tell them apart below. Nothing is emailed."
          error={errors?.labels}
        />
        <SubmitButton pendingLabel="Creating links…">
          <LinkIcon className="size-4" />
          Create invite links
        </SubmitButton>
      </form>

      {invites.length > 0 ? (
        <Alert
          tone="success"
          title={
            invites.length === 1
              ? `Invite link for a new ${ROLE_LABEL[invites[0]!.role as RoleName] ?? invites[0]!.role}`
              : `${invites.length} invite links for new ${(ROLE_LABEL[invites[0]!.role as RoleName] ?? invites[0]!.role).toLowerCase()}s`
          }
        >
          <ul className="mt-2 space-y-2">
            {invites.map((invite, index) => (
              <li key={invite.url} className="flex flex-col gap-1.5 sm:flex-row sm:items-center">
                <label
                  htmlFor={`invite-link-${index}`}
                  className={invite.label ? "text-sm font-medium sm:w-44 sm:truncate" : "sr-only"}
                >
                  {invite.label || `Invite link ${index + 1}`}
                </label>
                <input
                  id={`invite-link-${index}`}
                  readOnly
                  value={invite.url}
                  onFocus={(event) => event.currentTarget.select()}
                  className={`${controlClasses} h-10 min-w-0 flex-1 font-mono text-xs`}
                />
                <CopyButton value={invite.url} label={invites.length > 1 ? "Copy" : "Copy link"} />
              </li>
            ))}
          </ul>
          {invites.length > 1 ? (
            <div className="mt-3">
              <CopyButton value={allLinks} label="Copy all links" />
            </div>
          ) : null}
          <p className="mt-2 text-xs">
            Each works once and expires{" "}
            <time dateTime={invites[0]!.expiresAt}>
              {new Date(invites[0]!.expiresAt).toLocaleString(undefined, {
                dateStyle: "medium",
                timeStyle: "short",
              })}
            </time>
            . Send each only to the person you mean to invite; you can revoke any of them below until it is
            used.
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
