"use client";
// The repository connection: address, branch, folder, the proposal-branch option and credentials,
// which are write-only (the page says only whether some are stored).
import { useActionState } from "react";
import { Alert } from "@/components/alert";
import { TextField } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "../../../../_lib/form-state";

export interface ConnectionView {
  remoteUrl: string;
  branch: string;
  folder: string;
  proposedBranches: boolean;
  credentials: "set" | "not set";
}

const initial: FormState = { status: "idle" };

export function ConnectionForm({
  action,
  connection,
  canStoreCredentials,
  fileRemotesAllowed,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  connection: ConnectionView | null;
  canStoreCredentials: boolean;
  fileRemotesAllowed: boolean;
}) {
  const [state, formAction] = useActionState(action, initial);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const value = (name: keyof ConnectionView, fallback: string) => state.values?.[name] ?? fallback;
  return (
    <form action={formAction} onReset={(event) => event.preventDefault()} className="space-y-5">
      <TextField
        label="Repository address"
        name="remoteUrl"
        id="git-remote-url"
        required
        autoComplete="off"
        spellCheck={false}
        placeholder="https://git.example.com/team/decisions.git"
        defaultValue={value("remoteUrl", connection?.remoteUrl ?? "")}
        hint={`https:// (with a token below), ssh:// or git@host:path${fileRemotesAllowed ? ", or file:// for a repository on this server" : ""}.`}
        error={errors?.remoteUrl}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Branch"
          name="branch"
          id="git-branch"
          autoComplete="off"
          spellCheck={false}
          defaultValue={value("branch", connection?.branch ?? "main")}
          hint="Decided records are committed here."
          error={errors?.branch}
        />
        <TextField
          label="Folder"
          name="folder"
          id="git-folder"
          autoComplete="off"
          spellCheck={false}
          defaultValue={value("folder", connection?.folder ?? "docs/decisions")}
          hint="Inside the repository; empty means its top level."
          error={errors?.folder}
        />
      </div>
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          name="proposedBranches"
          id="git-proposed-branches"
          defaultChecked={
            state.values ? state.values.proposedBranches === "on" : (connection?.proposedBranches ?? false)
          }
          aria-describedby="git-proposed-branches-hint"
          className="mt-0.5 size-4 rounded border-line-strong accent-accent"
        />
        <div>
          <label htmlFor="git-proposed-branches" className="text-sm font-medium text-fg">
            Proposed records go to their own branch
          </label>
          <p id="git-proposed-branches-hint" className="text-xs text-fg-subtle">
            e.g. <code>verdict/adr-0007</code>, ready for a pull request; once accepted or rejected, the
            record is committed to the branch above.
          </p>
        </div>
      </div>

      <fieldset className="space-y-4 rounded-lg border border-line p-4">
        <legend className="px-1 text-sm font-medium text-fg">Credentials for https</legend>
        <p className="text-sm text-fg-muted">
          Stored credentials:{" "}
          <strong className="text-fg">{connection?.credentials === "set" ? "set" : "not set"}</strong>. They
          are kept encrypted and never shown again; type new ones to replace them.
        </p>
        {canStoreCredentials ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="User name"
              name="username"
              id="git-username"
              autoComplete="off"
              spellCheck={false}
              error={errors?.username}
            />
            <TextField
              label="Token or password"
              name="secret"
              id="git-secret"
              type="password"
              autoComplete="new-password"
              hint="A token that may push to the branch."
              error={errors?.secret}
            />
          </div>
        ) : (
          <Alert tone="warning" title="This server cannot keep credentials">
            VERDICT_SECRET_KEY is not set, so a token would have to be stored unencrypted; Verdict refuses to.
            Whoever runs the server can set it (<code>openssl rand -base64 32</code>) and restart.
            Repositories that need no credentials work meanwhile.
          </Alert>
        )}
        {connection?.credentials === "set" ? (
          <div className="flex items-center gap-3">
            <input
              type="checkbox"
              name="removeCredentials"
              id="git-remove-credentials"
              className="size-4 rounded border-line-strong accent-accent"
            />
            <label htmlFor="git-remove-credentials" className="text-sm text-fg">
              Remove the stored credentials
            </label>
          </div>
        ) : null}
      </fieldset>

      {state.status === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === "success" && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <SubmitButton pendingLabel="Trying the repository…">
        {connection ? "Save and test" : "Connect and test"}
      </SubmitButton>
    </form>
  );
}
