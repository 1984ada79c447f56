"use client";
// Adding or editing a webhook. The secret a server generates (or a new one) is shown once, here.
import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "../alert";
import { buttonClasses } from "../button";
import { CopyButton } from "../copy-button";
import { FieldError, TextField, controlClasses } from "../field";
import { SubmitButton } from "../submit-button";
import { WEBHOOK_EVENT_KINDS } from "@/lib/domain/webhook-events";
import type { WebhookView } from "./types";

export interface WebhookFormState {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  secret?: string;
  webhookId?: string;
}

const GROUPS = [...new Set(WEBHOOK_EVENT_KINDS.map((kind) => kind.group))];
const DEFAULT_EVENTS = ["decision.opened", "decision.closed", "record.created", "record.accepted"];

export function WebhookForm({
  action,
  webhook,
  listHref,
}: {
  action: (state: WebhookFormState, formData: FormData) => Promise<WebhookFormState>;
  webhook?: WebhookView;
  listHref: string;
}) {
  const [state, formAction] = useActionState(action, { status: "idle" } as WebhookFormState);
  const editing = Boolean(webhook);

  if (state.status === "success" && !editing && state.webhookId) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Webhook added">
          Copy its secret now: it is shown this once. Your receiver uses it to check the{" "}
          <code className="font-mono">X-Verdict-Signature</code> header.
        </Alert>
        {state.secret ? <SecretReveal secret={state.secret} /> : null}
        <div className="flex flex-wrap gap-2">
          <Link href={`${listHref}/${state.webhookId}`} className={buttonClasses({ variant: "primary" })}>
            Open webhook and send a test
          </Link>
          <Link href={listHref} className={buttonClasses({ variant: "secondary" })}>
            Back to webhooks
          </Link>
        </div>
      </div>
    );
  }

  const values = state.values;
  const chosenEvents = values
    ? values.events?.split(",").filter(Boolean)
    : (webhook?.events ?? DEFAULT_EVENTS);
  const format = values?.format ?? webhook?.format ?? "verdict";
  const active = values ? values.active === "on" : (webhook?.active ?? true);
  const allowPrivate = values
    ? values.allowPrivateAddresses === "on"
    : (webhook?.allowPrivateAddresses ?? false);
  const errors = state.fieldErrors ?? {};
  // Remount the inputs with what the server echoed after a refusal.
  const formKey = JSON.stringify(values ?? {});

  return (
    <form action={formAction} key={formKey} className="space-y-6" noValidate>
      {state.status === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === "success" && editing ? (
        <Alert tone="success" title="Saved">
          {state.secret
            ? "The new secret is below: copy it now, it is shown this once."
            : "Your changes apply to the next delivery."}
        </Alert>
      ) : null}
      {state.status === "success" && state.secret && editing ? <SecretReveal secret={state.secret} /> : null}

      <TextField
        label="Payload URL"
        name="url"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        required
        placeholder="https://example.com/hooks/verdict"
        defaultValue={values?.url ?? webhook?.url ?? ""}
        error={errors.url}
        hint="Verdict sends a POST with a JSON body to this address. Redirects are not followed."
      />
      <TextField
        label="Description (optional)"
        name="description"
        maxLength={200}
        placeholder="e.g. #ml-platform channel"
        defaultValue={values?.description ?? webhook?.description ?? ""}
        error={errors.description}
      />

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-fg">Payload format</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {[
            {
              value: "verdict",
              title: "Verdict JSON",
              text: "The event with project, decision, actor and a sentence.",
            },
            {
              value: "slack",
              title: "Slack-compatible",
              text: '{"text": …}: a readable sentence with a link, for chat incoming webhooks.',
            },
          ].map((option) => (
            <label
              key={option.value}
              className="flex cursor-pointer gap-3 rounded-lg border border-line-strong p-3 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent-soft/40 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring/40"
            >
              <input
                type="radio"
                name="format"
                value={option.value}
                defaultChecked={format === option.value}
                className="mt-0.5 accent-accent"
              />
              <span>
                <span className="block font-medium text-fg">{option.title}</span>
                <span className="block text-fg-muted">{option.text}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.format ? <FieldError>{errors.format}</FieldError> : null}
      </fieldset>

      <fieldset className="space-y-3" aria-describedby={errors.events ? "events-error" : "events-hint"}>
        <legend className="text-sm font-medium text-fg">Events to send</legend>
        <p id="events-hint" className="text-xs text-fg-subtle">
          Ballots are announced by voter name only, never with scores. A closed vote names its chosen option
          only when members may see the results.
        </p>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {GROUPS.map((group) => (
            <div key={group} role="group" aria-labelledby={`events-${group}`} className="space-y-1.5">
              <p
                id={`events-${group}`}
                className="text-xs font-medium tracking-wide text-fg-subtle uppercase"
              >
                {group}
              </p>
              {WEBHOOK_EVENT_KINDS.filter((kind) => kind.group === group).map((kind) => (
                <label key={kind.action} className="flex items-start gap-2 text-sm text-fg">
                  <input
                    type="checkbox"
                    name="events"
                    value={kind.action}
                    defaultChecked={chosenEvents?.includes(kind.action)}
                    className="mt-0.5 size-4 shrink-0 accent-accent"
                  />
                  <span>{kind.label}</span>
                </label>
              ))}
            </div>
          ))}
        </div>
        {errors.events ? <FieldError id="events-error">{errors.events}</FieldError> : null}
      </fieldset>

      <div className="space-y-1.5">
        <label htmlFor="secret" className="block text-sm font-medium text-fg">
          {editing ? "New secret (optional)" : "Secret (optional)"}
        </label>
        <input
          id="secret"
          name="secret"
          type="password"
          autoComplete="new-password"
          minLength={16}
          maxLength={200}
          className={`${controlClasses} h-10`}
          aria-invalid={errors.secret ? true : undefined}
          aria-describedby={errors.secret ? "secret-error" : "secret-hint"}
        />
        {errors.secret ? (
          <FieldError id="secret-error">{errors.secret}</FieldError>
        ) : (
          <p id="secret-hint" className="text-xs text-fg-subtle">
            {editing
              ? `Current secret ends in ${webhook?.secretHint.replace("…", "")}. Leave empty to keep it.`
              : "Leave empty and Verdict generates a strong one, shown once after saving. At least 16 characters if you give your own."}
          </p>
        )}
        {editing ? (
          <label className="flex items-start gap-2 pt-1 text-sm text-fg">
            <input type="checkbox" name="regenerateSecret" className="mt-0.5 size-4 accent-accent" />
            <span>Generate a new secret instead (the old one stops working at once)</span>
          </label>
        ) : null}
      </div>

      <div className="space-y-3">
        <label className="flex items-start gap-2 text-sm text-fg">
          <input
            type="checkbox"
            name="active"
            defaultChecked={active}
            className="mt-0.5 size-4 accent-accent"
          />
          <span>
            <span className="font-medium">Active</span>
            <span className="block text-fg-muted">Switched off, no events are sent (tests still are).</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm text-fg">
          <input
            type="checkbox"
            name="allowPrivateAddresses"
            defaultChecked={allowPrivate}
            className="mt-0.5 size-4 accent-accent"
          />
          <span>
            <span className="font-medium">Allow private addresses</span>
            <span className="block text-fg-muted">
              Lets this webhook reach loopback, private-network and link-local addresses (such as a service
              next to Verdict). Leave off for anything on the internet. The choice is recorded in the audit
              log.
            </span>
          </span>
        </label>
      </div>

      <div className="flex flex-wrap items-center gap-2 border-t border-line pt-4">
        <SubmitButton pendingLabel={editing ? "Saving…" : "Adding…"}>
          {editing ? "Save changes" : "Add webhook"}
        </SubmitButton>
        <Link href={listHref} className={buttonClasses({ variant: "ghost" })}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

function SecretReveal({ secret }: { secret: string }) {
  return (
    <div className="space-y-1.5">
      <p className="text-sm font-medium text-fg" id="secret-once">
        Signing secret
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          aria-labelledby="secret-once"
          className="min-w-0 flex-1 rounded-lg border border-line bg-surface-muted px-3 py-2 font-mono text-sm break-all text-fg"
        >
          {secret}
        </code>
        <CopyButton value={secret} label="Copy signing secret" />
      </div>
    </div>
  );
}
