"use client";
// Removing someone takes two clicks: the first asks, the second removes.
import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/button";
import { FieldError } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import { idleState, type FormState } from "../../../_lib/form-state";

export function RemoveMemberButton({
  action,
  memberName,
  isSelf,
}: {
  action: (state: FormState) => Promise<FormState>;
  memberName: string;
  isSelf: boolean;
}) {
  const [state, formAction] = useActionState(action, idleState);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    // Keep keyboard focus on the control that replaced the one just pressed.
    if (!moved.current) return;
    if (confirming) confirmRef.current?.querySelector<HTMLButtonElement>("button[type=submit]")?.focus();
    else askRef.current?.focus();
  }, [confirming]);

  const what = isSelf ? "Leave project" : "Remove";
  if (!confirming) {
    return (
      <div>
        <Button
          ref={askRef}
          variant="danger-ghost"
          size="sm"
          onClick={() => {
            moved.current = true;
            setConfirming(true);
          }}
        >
          {what}
          {isSelf ? null : <span className="sr-only"> {memberName}</span>}
        </Button>
      </div>
    );
  }

  return (
    <form action={formAction} className="flex flex-col items-start gap-1.5 sm:items-end">
      <span className="text-sm text-fg-muted">
        {isSelf ? "Leave this project?" : `Remove ${memberName}?`}
      </span>
      <div ref={confirmRef} className="flex items-center gap-2">
        <SubmitButton variant="danger" size="sm" pendingLabel="Removing…">
          {isSelf ? "Yes, leave" : "Yes, remove"}
        </SubmitButton>
        <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
      {state.status === "error" && state.message ? (
        <div className="max-w-72 text-left">
          <FieldError>{state.message}</FieldError>
        </div>
      ) : null}
    </form>
  );
}
