"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/alert";
import { SubmitButton } from "@/components/submit-button";
import { idleState } from "../_lib/form-state";
import { unsubscribeAction } from "./actions";

export function UnsubscribeForm({ token, label }: { token: string; label: string }) {
  const [state, formAction] = useActionState(unsubscribeAction, idleState);
  if (state.status === "success") {
    return (
      <div className="space-y-4">
        <Alert tone="success">{state.message}</Alert>
        <p className="text-sm text-fg-muted">
          Turn it back on, or change the others, under{" "}
          <Link href="/settings#notifications" className="font-medium text-accent-text hover:underline">
            Settings → Notifications
          </Link>
          .
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      {state.status === "error" && state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-fg">
        Stop emails for <strong>“{label}”</strong>? You will still see these notifications in your inbox.
      </p>
      <SubmitButton pendingLabel="Unsubscribing…">Unsubscribe</SubmitButton>
    </form>
  );
}
