"use client";
// Email on or off per kind of notification; the inbox always gets every kind.
import { useActionState } from "react";
import { Alert } from "@/components/alert";
import { SubmitButton } from "@/components/submit-button";
import { NOTIFICATION_KIND_LABELS } from "@/lib/domain/notifications";
import type { PreferencesView } from "@/lib/schemas/notification";
import { idleState } from "../_lib/form-state";
import { saveNotificationPreferencesAction } from "./actions";

export function NotificationPreferencesForm({ view }: { view: PreferencesView }) {
  const [state, formAction] = useActionState(saveNotificationPreferencesAction, idleState);
  return (
    <form action={formAction} className="space-y-4">
      {state.status === "success" && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      {state.status === "error" && state.message ? <Alert>{state.message}</Alert> : null}
      {!view.emailAvailable ? (
        <Alert tone="info">
          This server sends no email (no SMTP_URL is configured). Your choices are kept for when it does; the
          inbox works either way.
        </Alert>
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium text-fg">Email me when…</legend>
        <ul className="mt-2 divide-y divide-line rounded-lg border border-line">
          {view.preferences.map((preference) => {
            const id = `email-${preference.kind}`;
            const { label, description } = NOTIFICATION_KIND_LABELS[preference.kind];
            return (
              <li key={preference.kind} className="flex items-start gap-3 px-3.5 py-3">
                <input
                  type="checkbox"
                  id={id}
                  name={id}
                  defaultChecked={preference.email}
                  aria-describedby={`${id}-hint`}
                  className="mt-0.5 size-4 shrink-0 accent-[var(--color-accent)]"
                />
                <div className="min-w-0">
                  <label htmlFor={id} className="text-sm font-medium text-fg">
                    {label}
                  </label>
                  <p id={`${id}-hint`} className="text-xs text-fg-muted">
                    {description} Always in your inbox.
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <SubmitButton pendingLabel="Saving…" variant="secondary">
        Save notification settings
      </SubmitButton>
    </form>
  );
}
